import { MigrationInterface, QueryRunner } from 'typeorm';

/** Core schema: clinics, users, providers, patients, referrals and their history, audit. */
export class CoreSchema1764190000000 implements MigrationInterface {
  name = 'CoreSchema1764190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_entries" ("id" uuid NOT NULL, "actor_id" uuid, "actor_clinic_id" uuid, "actor_role" character varying(20), "operation" character varying(100) NOT NULL, "patient_ids" uuid array NOT NULL, "referral_ids" uuid array NOT NULL, "clinic_ids" uuid array NOT NULL, "subjects" jsonb NOT NULL DEFAULT '{}', "ip_address" character varying(64), "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_entries_actor_clinic_idx" ON "audit_entries"  ("actor_clinic_id", "at", "id")`);
    await queryRunner.query(`CREATE INDEX "audit_entries_actor_idx" ON "audit_entries"  ("actor_id", "at")`);
    await queryRunner.query(`CREATE INDEX "audit_entries_at_idx" ON "audit_entries"  ("at", "id")`);
    await queryRunner.query(`CREATE TABLE "clinics" ("id" uuid NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(254) NOT NULL, "phone" character varying(32), "time_zone" character varying(64) NOT NULL, "address_line1" character varying(200) NOT NULL, "address_city" character varying(120) NOT NULL, "address_region" character varying(120), "address_postal_code" character varying(20) NOT NULL, "address_country" character varying(2) NOT NULL, "latitude" double precision, "longitude" double precision, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5513b659e4d12b01a8ab3956abc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "login_failures" ("id" BIGSERIAL NOT NULL, "email" character varying(254) NOT NULL, "ip_address" character varying(64) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8211e8ec810fd7f976b98ce97a0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "login_failures_ip_idx" ON "login_failures"  ("ip_address", "at")`);
    await queryRunner.query(`CREATE INDEX "login_failures_email_idx" ON "login_failures"  ("email", "at")`);
    await queryRunner.query(`CREATE TABLE "patients" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "email" character varying(254), "date_of_birth" date NOT NULL, "phone" character varying(32), "email_consent" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a7f0b9fcbb3469d5ec0b0aceaa7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "patients_clinic_created_idx" ON "patients"  ("clinic_id", "created_at", "id")`);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL, "email" character varying(254) NOT NULL, "password_hash" character varying(200) NOT NULL, "display_name" character varying(120) NOT NULL, "role" character varying(20) NOT NULL, "clinic_id" uuid, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_role_clinic_check" CHECK ((role = 'PLATFORM_ADMIN') = (clinic_id IS NULL)), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "users"  ("email")`);
    await queryRunner.query(`CREATE INDEX "users_clinic_id_idx" ON "users"  ("clinic_id")`);
    await queryRunner.query(`CREATE TABLE "providers" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "user_id" uuid NOT NULL, "display_name" character varying(120) NOT NULL, "email" character varying(254) NOT NULL, "modalities" text array NOT NULL, "techniques" text array NOT NULL, "conditions" text array NOT NULL, "accepting_new_patients" boolean NOT NULL, "weekly_capacity" integer NOT NULL, "latitude" double precision, "longitude" double precision, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_842a46f6b0079a69520561eeb6" UNIQUE ("user_id"), CONSTRAINT "PK_af13fc2ebf382fe0dad2e4793aa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "providers_clinic_id_idx" ON "providers"  ("clinic_id")`);
    await queryRunner.query(`CREATE TABLE "referrals" ("id" uuid NOT NULL, "reference" character varying(12) NOT NULL, "status" character varying(20) NOT NULL, "version" integer NOT NULL DEFAULT '1', "priority" character varying(10) NOT NULL, "modality" character varying(20) NOT NULL, "conditions" text array NOT NULL, "techniques" text array NOT NULL, "reason" text NOT NULL, "assessment" jsonb, "goals" jsonb, "recommended_visits" integer, "visits_per_week" integer, "red_flags" text, "consent_to_share" boolean NOT NULL, "patient_id" uuid NOT NULL, "referring_clinic_id" uuid NOT NULL, "referring_user_id" uuid NOT NULL, "referring_provider_id" uuid, "to_provider_id" uuid, "to_clinic_id" uuid, "idempotency_key" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE, "clock_remaining_ms" bigint, "responded_at" TIMESTAMP WITH TIME ZONE, "appointment_at" TIMESTAMP WITH TIME ZONE, "treatment_started_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "loop_closed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, "decline_reason" character varying(40), "decline_note" text, "outcome" jsonb, "redirected_from_id" uuid, "redirected_to_id" uuid, CONSTRAINT "PK_ea9980e34f738b6252817326c08" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "referrals_reference_key" ON "referrals"  ("reference")`);
    await queryRunner.query(`CREATE INDEX "referrals_referring_provider_idx" ON "referrals"  ("referring_provider_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "referrals_redirected_from_key" ON "referrals"  ("redirected_from_id")`);
    await queryRunner.query(`CREATE INDEX "referrals_due_at_idx" ON "referrals"  ("due_at") WHERE status = 'SENT'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "referrals_idempotency_key" ON "referrals"  ("referring_user_id", "idempotency_key")`);
    await queryRunner.query(`CREATE INDEX "referrals_patient_idx" ON "referrals"  ("patient_id", "created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "referrals_referring_user_outbox_idx" ON "referrals"  ("referring_user_id", "created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "referrals_referring_clinic_outbox_idx" ON "referrals"  ("referring_clinic_id", "created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "referrals_created_idx" ON "referrals"  ("created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "referrals_to_provider_status_idx" ON "referrals"  ("to_provider_id", "status", "created_at", "id") WHERE status <> 'DRAFT'`);
    await queryRunner.query(`CREATE INDEX "referrals_to_clinic_status_idx" ON "referrals"  ("to_clinic_id", "status", "created_at", "id") WHERE status <> 'DRAFT'`);
    await queryRunner.query(`CREATE INDEX "referrals_to_provider_inbox_idx" ON "referrals"  ("to_provider_id", "created_at", "id") WHERE status <> 'DRAFT'`);
    await queryRunner.query(`CREATE INDEX "referrals_to_clinic_inbox_idx" ON "referrals"  ("to_clinic_id", "created_at", "id") WHERE status <> 'DRAFT'`);
    await queryRunner.query(`CREATE TABLE "referral_events" ("id" uuid NOT NULL, "seq" BIGSERIAL NOT NULL, "referral_id" uuid NOT NULL, "type" character varying(40) NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "actor_id" uuid, "reason" text, "data" jsonb, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_850a7d8ea24a8e90aba261d0190" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "referral_events_referral_idx" ON "referral_events"  ("referral_id", "seq")`);
    await queryRunner.query(`ALTER TABLE "patients" ADD CONSTRAINT "patients_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "users_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "providers" ADD CONSTRAINT "providers_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "providers" ADD CONSTRAINT "providers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD CONSTRAINT "referrals_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referring_clinic_id_fkey" FOREIGN KEY ("referring_clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referring_user_id_fkey" FOREIGN KEY ("referring_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referring_provider_id_fkey" FOREIGN KEY ("referring_provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_provider_id_fkey" FOREIGN KEY ("to_provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_clinic_id_fkey" FOREIGN KEY ("to_clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD CONSTRAINT "referrals_redirected_from_id_fkey" FOREIGN KEY ("redirected_from_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD CONSTRAINT "referrals_redirected_to_id_fkey" FOREIGN KEY ("redirected_to_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    // Indexes TypeORM cannot describe: containment lookups on id arrays for the audit view.
    await queryRunner.query(`CREATE INDEX "audit_entries_patient_ids_gin" ON "audit_entries" USING gin ("patient_ids")`);
    await queryRunner.query(`CREATE INDEX "audit_entries_referral_ids_gin" ON "audit_entries" USING gin ("referral_ids")`);
    await queryRunner.query(`CREATE INDEX "audit_entries_clinic_ids_gin" ON "audit_entries" USING gin ("clinic_ids")`);

    // History and audit are append-only: the database itself refuses edits and deletions.
    await queryRunner.query(`CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER referral_events_append_only BEFORE UPDATE OR DELETE ON "referral_events" FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "audit_entries" FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_entries', 'referral_events', 'referrals', 'patients', 'providers', 'users', 'login_failures', 'clinics']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${table}" CASCADE`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS refuse_change()`);
  }
}
