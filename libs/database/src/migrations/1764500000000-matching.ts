import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching and open referrals: distances in the database (cube + earthdistance, which ship
 * with PostgreSQL), referrals offered to a pool, the providers who passed on them, and a
 * stats table so ranking reads one row per candidate.
 */
export class Matching1764500000000 implements MigrationInterface {
  name = 'Matching1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS cube`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS earthdistance`);

    await queryRunner.query(
      `CREATE TABLE "provider_stats" ("provider_id" uuid NOT NULL, "active_episodes" integer NOT NULL, "accepted_this_week" integer NOT NULL, "week_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_90d" integer NOT NULL, "accepted_90d" integer NOT NULL, "median_response_ms" double precision, "p90_response_ms" double precision, "refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_aa2e374c48d7a7a65ccc50b0dac" PRIMARY KEY ("provider_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "provider_stats" ADD CONSTRAINT "provider_stats_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`ALTER TABLE "referrals" ADD "pool_latitude" double precision`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD "pool_longitude" double precision`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD "pool_radius_km" double precision`);
    await queryRunner.query(
      `CREATE TABLE "referral_passes" ("referral_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "decline_reason" character varying(40) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fd43c98486a080d84058b5db07c" PRIMARY KEY ("referral_id", "provider_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_passes" ADD CONSTRAINT "referral_passes_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_passes" ADD CONSTRAINT "referral_passes_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Points on the earth cube, searched by a bounding box (earth_box) before the exact
    // great-circle check. Providers without coordinates are never matched, so are left out.
    await queryRunner.query(
      `CREATE INDEX "providers_location_idx" ON "providers" USING gist (ll_to_earth("latitude", "longitude"))
        WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL`,
    );
    // Only unclaimed open referrals are ever searched by place.
    await queryRunner.query(
      `CREATE INDEX "referrals_open_pool_location_idx" ON "referrals" USING gist (ll_to_earth("pool_latitude", "pool_longitude"))
        WHERE "status" = 'SENT' AND "to_provider_id" IS NULL AND "pool_latitude" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "referrals_open_pool_location_idx"`);
    await queryRunner.query(`DROP INDEX "providers_location_idx"`);
    await queryRunner.query(`DROP TABLE "referral_passes"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "pool_radius_km"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "pool_longitude"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "pool_latitude"`);
    await queryRunner.query(`DROP TABLE "provider_stats"`);
    // The extensions stay: other objects may have come to depend on them.
  }
}
