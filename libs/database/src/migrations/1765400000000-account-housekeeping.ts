import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - `user_sessions.needs_second_factor` is no longer read or written: whether a session may only
 *   enrol a second factor is derived on every request from the rule (the account must use one
 *   and has none), so a clinic that turns the requirement on restricts sessions already open.
 *   The column stays for this release, so gateways of the previous one keep working beside the
 *   new ones during a rolling deploy; a later migration drops it.
 * - `totp_factors.enrolling_session_id`: the session that began an enrolment; only it may see
 *   the pending secret again or confirm it, so another session left open cannot learn the
 *   secret the user is about to turn on.
 * - `sign_in_challenges (user_id)`: ending a user's open challenges (a password reset, a removed
 *   or reset factor) no longer scans the table.
 */
export class AccountHousekeeping1765400000000 implements MigrationInterface {
  name = 'AccountHousekeeping1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "totp_factors" ADD "enrolling_session_id" uuid`);
    await queryRunner.query(`CREATE INDEX "sign_in_challenges_user_idx" ON "sign_in_challenges" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "sign_in_challenges_user_idx"`);
    await queryRunner.query(`ALTER TABLE "totp_factors" DROP COLUMN "enrolling_session_id"`);
  }
}
