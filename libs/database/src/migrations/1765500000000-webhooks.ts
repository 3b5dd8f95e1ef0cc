import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (Standard Webhooks), written like the email outbox: in the transaction of the change.
 *
 * - `webhook_endpoints`: a clinic's receivers. The signing secret is kept encrypted under a key
 *   derived from LINK_SECRET (it must be readable to sign); after a rotation the previous one
 *   stays valid until `previous_secret_expires_at`. `failing_since` is the first failure after
 *   the last success: an endpoint failing for long enough is disabled.
 * - `webhook_events`: one per change, its body the exact bytes every attempt sends and signs.
 *   Written only when some endpoint is subscribed, so a clinic without webhooks costs one
 *   index probe per change.
 * - `webhook_deliveries`: one per event and endpoint, with its attempts made and when the
 *   next is due; PENDING until it succeeds or runs out of attempts.
 * - `webhook_attempts`: every attempt's status code, duration and error, for the endpoint's list.
 * - `notifications.webhook_endpoint_id`: an email to a clinic's admins about one of its endpoints
 *   (disabled after failing for days), through the same outbox, worker and retries as the rest.
 */
export class Webhooks1765500000000 implements MigrationInterface {
  name = 'Webhooks1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "webhook_endpoints" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "url" character varying(2000) NOT NULL, "description" character varying(500) NOT NULL DEFAULT '', "events" text[] NOT NULL, "secret_ciphertext" character varying(300) NOT NULL, "previous_secret_ciphertext" character varying(300), "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "disabled_at" TIMESTAMP WITH TIME ZONE, "disabled_reason" character varying(20), "failing_since" TIMESTAMP WITH TIME ZONE, CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id"), CONSTRAINT "webhook_endpoints_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE CASCADE, CONSTRAINT "webhook_endpoints_created_by_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL, CONSTRAINT "webhook_endpoints_disabled_check" CHECK ((disabled_at IS NULL) = (disabled_reason IS NULL)))`,
    );
    // Every change asks which of its clinics' endpoints listen: only enabled ones, by clinic.
    await queryRunner.query(`CREATE INDEX "webhook_endpoints_listening_idx" ON "webhook_endpoints" ("clinic_id") WHERE disabled_at IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "webhook_events" ("id" uuid NOT NULL, "type" character varying(60) NOT NULL, "referral_id" uuid, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL, "event_id" uuid NOT NULL, "endpoint_id" uuid NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT 0, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_status_code" integer, "last_error" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "succeeded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"), CONSTRAINT "webhook_deliveries_status_check" CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')), CONSTRAINT "webhook_deliveries_event_endpoint_key" UNIQUE ("event_id", "endpoint_id"), CONSTRAINT "webhook_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "webhook_events"("id") ON DELETE CASCADE, CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE)`,
    );
    // The relay's pass: pending deliveries whose attempt is due, oldest first.
    await queryRunner.query(`CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" ("next_attempt_at", "id") WHERE status = 'PENDING'`);
    // An endpoint's deliveries, newest first (its list; recovering the failed ones since a time).
    await queryRunner.query(`CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" ("endpoint_id", "created_at", "id")`);
    await queryRunner.query(
      `CREATE TABLE "webhook_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_id" uuid NOT NULL, "endpoint_id" uuid NOT NULL, "attempt" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status_code" integer, "duration_ms" integer NOT NULL, "succeeded" boolean NOT NULL, "error" character varying(500), CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY ("id"), CONSTRAINT "webhook_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE, CONSTRAINT "webhook_attempts_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(`CREATE INDEX "webhook_attempts_endpoint_idx" ON "webhook_attempts" ("endpoint_id", "at", "id")`);
    await queryRunner.query(`CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" ("delivery_id")`);

    await queryRunner.query(`ALTER TABLE "notifications" ADD "webhook_endpoint_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_webhook_endpoint_id_fkey" FOREIGN KEY ("webhook_endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_subject_check"`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_check" CHECK (num_nonnulls(referral_id, account_link_id, webhook_endpoint_id) = 1)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE webhook_endpoint_id IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_subject_check"`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_check" CHECK (num_nonnulls(referral_id, account_link_id) = 1)`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "webhook_endpoint_id"`);
    await queryRunner.query(`DROP TABLE "webhook_attempts"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_events"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoints"`);
  }
}
