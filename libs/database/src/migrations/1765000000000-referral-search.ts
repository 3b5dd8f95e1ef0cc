import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Searching the referrals list by reference or by the patient's name, on indexes: a prefix of
 * a reference, and a prefix of a first or last name compared without case or accents.
 *
 * `fold_name` is how names are compared: lower case, accents off (unaccent ships with
 * PostgreSQL, like cube). unaccent() itself is only STABLE, since its rules file could change;
 * an index needs an IMMUTABLE expression, so the wrapper declares it so, naming the schema of
 * both the function and its dictionary so that it reads the same under any search_path (an
 * index is also evaluated by autovacuum and restores). Were the rules file ever edited, the
 * two indexes below would have to be rebuilt.
 */
export class ReferralSearch1765000000000 implements MigrationInterface {
  name = 'ReferralSearch1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`);
    await queryRunner.query(
      `CREATE FUNCTION fold_name(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
         AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`,
    );
    // text_pattern_ops: LIKE 'prefix%' is an index range whatever the database's collation.
    await queryRunner.query(`CREATE INDEX "patients_first_name_search_idx" ON "patients" (fold_name("first_name") text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX "patients_last_name_search_idx" ON "patients" (fold_name("last_name") text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX "referrals_reference_prefix_idx" ON "referrals" ("reference" text_pattern_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "referrals_reference_prefix_idx"`);
    await queryRunner.query(`DROP INDEX "patients_last_name_search_idx"`);
    await queryRunner.query(`DROP INDEX "patients_first_name_search_idx"`);
    await queryRunner.query(`DROP FUNCTION fold_name(text)`);
    // The extension stays: other objects may have come to depend on it.
  }
}
