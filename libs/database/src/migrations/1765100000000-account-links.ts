import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts a clinic runs itself.
 *
 * - An invited user has no password until they accept (`users.password_hash` may be null).
 * - `account_links` are the single-use links of invitation and password-reset emails. The link's
 *   token is derived from its id with the link-signing key, so no token is stored; a link is
 *   spent (`used_at`), withdrawn or replaced (`revoked_at`) or past `expires_at`.
 * - An email about an account goes through the same outbox as every other: a notification row
 *   naming its link instead of a referral.
 * - `password_reset_requests` counts requests per address and per client, for the throttle;
 *   every request is counted, for an account or not, so the throttle tells nobody which exist.
 */
export class AccountLinks1765100000000 implements MigrationInterface {
  name = 'AccountLinks1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "account_links" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "account_links_kind_check" CHECK (kind IN ('INVITATION', 'PASSWORD_RESET')), CONSTRAINT "account_links_pkey" PRIMARY KEY ("id"), CONSTRAINT "account_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT, CONSTRAINT "account_links_created_by_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT)`,
    );
    // A new link of a kind replaces the user's open ones of that kind: found by this index.
    await queryRunner.query(`CREATE INDEX "account_links_open_by_user_idx" ON "account_links" ("user_id", "kind") WHERE used_at IS NULL AND revoked_at IS NULL`);

    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "referral_id" DROP NOT NULL`);
    // Room for ACCOUNT_HOLDER; widening a varchar rewrites nothing.
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "recipient_kind" TYPE character varying(20)`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "account_link_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_account_link_id_fkey" FOREIGN KEY ("account_link_id") REFERENCES "account_links"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_check" CHECK (num_nonnulls(referral_id, account_link_id) = 1)`);

    await queryRunner.query(
      `CREATE TABLE "password_reset_requests" ("id" bigserial NOT NULL, "email" character varying(254) NOT NULL, "ip_address" character varying(64) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "password_reset_requests_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "password_reset_requests_email_idx" ON "password_reset_requests" ("email", "at")`);
    await queryRunner.query(`CREATE INDEX "password_reset_requests_ip_idx" ON "password_reset_requests" ("ip_address", "at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "password_reset_requests"`);
    await queryRunner.query(`DELETE FROM "notifications" WHERE account_link_id IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_subject_check"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "account_link_id"`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "referral_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "recipient_kind" TYPE character varying(10)`);
    await queryRunner.query(`DROP TABLE "account_links"`);
    // Invited users who never chose a password are kept (a provider profile or a referral may
    // name them), disabled and with a hash no password matches.
    await queryRunner.query(`UPDATE "users" SET password_hash = '!invited-no-password', disabled_at = COALESCE(disabled_at, now()) WHERE password_hash IS NULL`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" SET NOT NULL`);
  }
}
