import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of accounts: who signed in or failed to (with the reason code, never the
 * password), invitations, resets, password changes, ended sessions, role changes, disabling.
 * `user_id` is whose account it concerns (null for a sign-in at an address with no account),
 * `actor_id` who did it (null when nobody was signed in), `clinic_id` the account's clinic, so
 * that its admins see their own staff's events.
 */
export class AccountEvents1765200000000 implements MigrationInterface {
  name = 'AccountEvents1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT date_trunc('milliseconds', now()), "event" character varying(40) NOT NULL, "actor_id" uuid, "user_id" uuid, "clinic_id" uuid, "ip_address" character varying(64), "detail" character varying(100), CONSTRAINT "account_events_pkey" PRIMARY KEY ("id"))`,
    );
    // A clinic admin's list (their clinic's accounts) and one account's history, newest first.
    await queryRunner.query(`CREATE INDEX "account_events_clinic_idx" ON "account_events" ("clinic_id", "at", "id")`);
    await queryRunner.query(`CREATE INDEX "account_events_user_idx" ON "account_events" ("user_id", "at", "id")`);
    await queryRunner.query(`CREATE INDEX "account_events_at_idx" ON "account_events" ("at", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "account_events"`);
  }
}
