import { MigrationInterface, QueryRunner } from 'typeorm';

/** The modalities as of this migration (a migration never follows later vocabulary). */
const MODALITIES = ['MASSAGE', 'ACUPUNCTURE', 'CHIROPRACTIC', 'PHYSICAL_THERAPY'] as const;
const providerIndexName = (modality: string) => `providers_${modality.toLowerCase()}_accepting_point_idx`;

/**
 * Matching and open referrals: distances in the database (cube + earthdistance, which ship
 * with PostgreSQL), referrals offered to a pool, the providers who passed on them, and each
 * provider's stats on its row so ranking reads one row per candidate.
 */
export class Matching1764500000000 implements MigrationInterface {
  name = 'Matching1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS cube`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS earthdistance`);

    // Load and responsiveness, derived from referrals, on the provider's own row: matching
    // ranks thousands of candidates per search, and a join to a separate table cost more than
    // the rest of the search together.
    await queryRunner.query(
      `ALTER TABLE "providers" ADD "stats_active_episodes" integer NOT NULL DEFAULT 0, ADD "stats_accepted_this_week" integer NOT NULL DEFAULT 0,
         ADD "stats_week_ends_at" TIMESTAMP WITH TIME ZONE, ADD "stats_answered_90d" integer NOT NULL DEFAULT 0,
         ADD "stats_accepted_90d" integer NOT NULL DEFAULT 0, ADD "stats_median_response_ms" double precision,
         ADD "stats_p90_response_ms" double precision, ADD "stats_refreshed_at" TIMESTAMP WITH TIME ZONE`,
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
    await queryRunner.query(`ALTER TABLE "referrals" ADD "pool_point" cube, ADD "pool_area" cube`);
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
         -- The box around the pool's disc (its radius as a chord, see great-circle.ts): a
         -- provider's point inside it is a candidate for the exact distance check.
         NEW.pool_area := CASE WHEN NEW.pool_point IS NULL OR NEW.pool_radius_km IS NULL THEN NULL
                               ELSE cube_enlarge(NEW.pool_point, 12756336 * sin(least(pi() / 2, NEW.pool_radius_km / 12742.0176)), 3) END;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER referrals_pool_point BEFORE INSERT OR UPDATE OF pool_latitude, pool_longitude, pool_radius_km, pool_point, pool_area ON referrals
       FOR EACH ROW EXECUTE FUNCTION referrals_set_pool_point()`,
    );
    await queryRunner.query(`UPDATE "providers" SET "latitude" = "latitude" WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL`);

    // One GiST index per modality, over the providers who accept new patients: a search is
    // always for one modality, so its index holds only providers who could match. It carries
    // every column ranking reads, so a search is an index-only scan (cube's GiST returns its
    // points); only the top rows are then read from the table. A modality added to the
    // vocabulary needs its index added by a migration.
    for (const modality of MODALITIES) {
      await queryRunner.query(
        `CREATE INDEX "${providerIndexName(modality)}" ON "providers" USING gist ("earth_point")
          INCLUDE ("id", "weekly_capacity", "conditions", "techniques", "stats_median_response_ms", "stats_week_ends_at", "stats_accepted_this_week")
          WHERE "accepting_new_patients" AND '${modality}' = ANY ("modalities")`,
      );
    }
    // Only unclaimed open referrals are ever searched by place: those whose area holds a
    // provider's point. The index carries what eligibility and the order read, so listing
    // them is an index-only scan wherever vacuum has marked the pages all-visible.
    await queryRunner.query(
      `CREATE INDEX "referrals_open_pool_area_idx" ON "referrals" USING gist ("pool_area")
          INCLUDE ("id", "sent_at", "modality", "pool_point", "pool_radius_km", "referring_user_id", "referring_provider_id")
        WHERE "status" = 'SENT' AND "to_provider_id" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "referrals_open_pool_area_idx"`);
    for (const modality of MODALITIES) await queryRunner.query(`DROP INDEX "${providerIndexName(modality)}"`);
    await queryRunner.query(`DROP TRIGGER referrals_pool_point ON referrals`);
    await queryRunner.query(`DROP FUNCTION referrals_set_pool_point()`);
    await queryRunner.query(`DROP TRIGGER providers_earth_point ON providers`);
    await queryRunner.query(`DROP FUNCTION providers_set_earth_point()`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "pool_area", DROP COLUMN "pool_point"`);
    await queryRunner.query(`ALTER TABLE "providers" DROP COLUMN "earth_point"`);
    await queryRunner.query(`DROP TABLE "referral_passes"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "pool_radius_km"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "pool_longitude"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "pool_latitude"`);
    await queryRunner.query(
      `ALTER TABLE "providers" DROP COLUMN "stats_active_episodes", DROP COLUMN "stats_accepted_this_week", DROP COLUMN "stats_week_ends_at",
         DROP COLUMN "stats_answered_90d", DROP COLUMN "stats_accepted_90d", DROP COLUMN "stats_median_response_ms",
         DROP COLUMN "stats_p90_response_ms", DROP COLUMN "stats_refreshed_at"`,
    );
    // The extensions stay: other objects may have come to depend on them.
  }
}
