import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification outbox, the response clock's bookkeeping on referrals (which run of the
 * clock a timer belongs to, whether the receiver was reminded, who sent), and self-made secrets.
 */
export class Notifications1764300000000 implements MigrationInterface {
  name = 'Notifications1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "app_secrets" ("name" character varying(40) NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6c785a9da9881929b0d1d780423" PRIMARY KEY ("name"))`);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL, "referral_id" uuid NOT NULL, "recipient_kind" character varying(10) NOT NULL, "recipient_email" character varying(254), "template" character varying(40) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'PENDING', "skip_reason" character varying(40), "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "message_id" character varying(255), "smtp_response" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "notifications_failed_idx" ON "notifications"  ("created_at", "id") WHERE status = 'FAILED'`);
    await queryRunner.query(`CREATE INDEX "notifications_pending_idx" ON "notifications"  ("created_at") WHERE status = 'PENDING'`);
    await queryRunner.query(`CREATE INDEX "notifications_referral_idx" ON "notifications"  ("referral_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "referrals" ADD "clock_seq" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD "reminded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD "sent_by_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD CONSTRAINT "referrals_sent_by_user_id_fkey" FOREIGN KEY ("sent_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "notifications_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Referrals sent before this migration: their creator sent them, on the first run of the clock.
    await queryRunner.query(`UPDATE "referrals" SET "sent_by_user_id" = "referring_user_id", "clock_seq" = 1 WHERE "sent_at" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_referral_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "referrals_sent_by_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "sent_by_user_id"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "reminded_at"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "clock_seq"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "app_secrets"`);
  }
}
