import { MigrationInterface, QueryRunner } from 'typeorm';

/** The modalities as of this migration (a migration never follows later vocabulary). */
const MODALITIES = ['MASSAGE', 'ACUPUNCTURE', 'CHIROPRACTIC', 'PHYSICAL_THERAPY'] as const;
const providerIndexName = (modality: string) => `providers_${modality.toLowerCase()}_accepting_point_idx`;

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

    // Each place as a point on earthdistance's cube, kept by a trigger from the coordinates so
    // every write path agrees; matching measures chords between stored points instead of
    // calling ll_to_earth (a domain-checked function, several microseconds) on every row.
    await queryRunner.query(`ALTER TABLE "providers" ADD "earth_point" cube`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD "pool_point" cube`);
    await queryRunner.query(
      `CREATE FUNCTION providers_set_earth_point() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.earth_point := CASE WHEN NEW.latitude IS NULL OR NEW.longitude IS NULL THEN NULL
                                 ELSE ll_to_earth(NEW.latitude, NEW.longitude)::cube END;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER providers_earth_point BEFORE INSERT OR UPDATE OF latitude, longitude, earth_point ON providers
       FOR EACH ROW EXECUTE FUNCTION providers_set_earth_point()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION referrals_set_pool_point() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.pool_point := CASE WHEN NEW.pool_latitude IS NULL OR NEW.pool_longitude IS NULL THEN NULL
                                ELSE ll_to_earth(NEW.pool_latitude, NEW.pool_longitude)::cube END;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER referrals_pool_point BEFORE INSERT OR UPDATE OF pool_latitude, pool_longitude, pool_point ON referrals
       FOR EACH ROW EXECUTE FUNCTION referrals_set_pool_point()`,
    );
    await queryRunner.query(`UPDATE "providers" SET "latitude" = "latitude" WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL`);

    // One GiST index per modality, over the providers who accept new patients: a search is
    // always for one modality, so its index holds only providers who could match. A modality
    // added to the vocabulary needs its index added by a migration.
    for (const modality of MODALITIES) {
      await queryRunner.query(
        `CREATE INDEX "${providerIndexName(modality)}" ON "providers" USING gist ("earth_point")
          WHERE "accepting_new_patients" AND '${modality}' = ANY ("modalities")`,
      );
    }
    // Only unclaimed open referrals are ever searched by place.
    await queryRunner.query(
      `CREATE INDEX "referrals_open_pool_point_idx" ON "referrals" USING gist ("pool_point")
        WHERE "status" = 'SENT' AND "to_provider_id" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "referrals_open_pool_point_idx"`);
    for (const modality of MODALITIES) await queryRunner.query(`DROP INDEX "${providerIndexName(modality)}"`);
    await queryRunner.query(`DROP TRIGGER referrals_pool_point ON referrals`);
    await queryRunner.query(`DROP FUNCTION referrals_set_pool_point()`);
    await queryRunner.query(`DROP TRIGGER providers_earth_point ON providers`);
    await queryRunner.query(`DROP FUNCTION providers_set_earth_point()`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "pool_point"`);
    await queryRunner.query(`ALTER TABLE "providers" DROP COLUMN "earth_point"`);
    await queryRunner.query(`DROP TABLE "referral_passes"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "pool_radius_km"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "pool_longitude"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "pool_latitude"`);
    await queryRunner.query(`DROP TABLE "provider_stats"`);
    // The extensions stay: other objects may have come to depend on them.
  }
}
