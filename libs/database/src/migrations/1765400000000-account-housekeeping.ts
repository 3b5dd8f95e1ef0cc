import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - `user_sessions.needs_second_factor` goes: whether a session may only enrol a second factor is
 *   now derived on every request from the rule (the account must use one and has none), so a
 *   clinic that turns the requirement on restricts sessions that are already open.
 * - `sign_in_challenges (user_id)`: ending a user's open challenges (a password reset, a removed
 *   factor) and the periodic purge no longer scan the table.
 */
export class AccountHousekeeping1765400000000 implements MigrationInterface {
  name = 'AccountHousekeeping1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_sessions" DROP COLUMN "needs_second_factor"`);
    await queryRunner.query(`CREATE INDEX "sign_in_challenges_user_idx" ON "sign_in_challenges" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "sign_in_challenges_user_idx"`);
    await queryRunner.query(`ALTER TABLE "user_sessions" ADD "needs_second_factor" boolean NOT NULL DEFAULT false`);
  }
}
