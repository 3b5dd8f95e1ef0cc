import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The providers whose `stats_*` columns a committed move has made stale. An answering move used
 * to recompute its provider's statistics inside its own transaction: two more statements, one
 * of them reading every referral of the provider, on the request's path and holding the
 * provider's row until commit. Now the move's own statement files the provider here, and the
 * worker recomputes what is filed a second or so later, a batch at a time.
 *
 * At most one row a provider, so no index beyond the key: the worker sorts a few rows at most.
 * No foreign key to `providers`: the row is a note that work is due, checked by every move that
 * files one, and a provider that no longer exists is simply found by nothing when refreshed.
 */
export class ProviderStatsDue1765700000000 implements MigrationInterface {
  name = 'ProviderStatsDue1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "provider_stats_due" (
        "provider_id" uuid PRIMARY KEY,
        "due_since" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "provider_stats_due"`);
  }
}
