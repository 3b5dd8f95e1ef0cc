import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fewer, leaner indexes on the two tables every request writes (issue: write cost). Each
 * index a referral or audit row carries costs every insert and, for referrals, every move that
 * changes an indexed column. What each remaining index serves is listed in docs/performance.md.
 *
 * - One unique index on `referrals.reference` instead of two: `text_pattern_ops` serves the
 *   equality lookups and the uniqueness (and ON CONFLICT) as the plain one did, and the prefix
 *   search (`LIKE 'RL-7K%'`) as the second did.
 * - `referring_provider_id`, `redirected_from_id` and `onward_from_id` are null on most
 *   referrals: partial indexes (WHERE … IS NOT NULL) skip those rows altogether. Every query on
 *   them compares with `=` or `= ANY`, which PostgreSQL knows implies NOT NULL, so they still apply.
 * - One multicolumn GIN over the audit entry's patient, referral and clinic arrays instead of
 *   three: a GIN's columns are searched independently, each as well as by its own index, and
 *   an insert appends to one pending list instead of three. (With the pending list off, every
 *   insert measured 0.15 ms slower; autovacuum merges the list, as it did the three.)
 * - The actor's audit index gains `id`, the tie-breaker of the list's keyset order.
 * - The receiving side's four indexes (inbox and status, of a clinic and of a provider) hold the
 *   referrals the receiving side may see, exactly as its queries say it (`sentToReceiverSql`:
 *   not a draft, and sent). With only `status <> 'DRAFT'` in their condition, every row they
 *   found had to be read from the table to check `sent_at`, so an inbox's count read every one
 *   of its referrals from the heap (204 ms at 86,000) instead of the index alone.
 */
export class IndexDiet1765600000000 implements MigrationInterface {
  name = 'IndexDiet1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "referrals_reference_prefix_idx"`);
    await queryRunner.query(`DROP INDEX "referrals_reference_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "referrals_reference_key" ON "referrals" ("reference" text_pattern_ops)`);
    await queryRunner.query(`DROP INDEX "referrals_referring_provider_idx"`);
    await queryRunner.query(`CREATE INDEX "referrals_referring_provider_idx" ON "referrals" ("referring_provider_id") WHERE referring_provider_id IS NOT NULL`);
    await queryRunner.query(`DROP INDEX "referrals_redirected_from_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "referrals_redirected_from_key" ON "referrals" ("redirected_from_id") WHERE redirected_from_id IS NOT NULL`);
    await queryRunner.query(`DROP INDEX "referrals_onward_from_idx"`);
    await queryRunner.query(`CREATE INDEX "referrals_onward_from_idx" ON "referrals" ("onward_from_id") WHERE onward_from_id IS NOT NULL`);

    await queryRunner.query(`DROP INDEX "audit_entries_patient_ids_gin"`);
    await queryRunner.query(`DROP INDEX "audit_entries_referral_ids_gin"`);
    await queryRunner.query(`DROP INDEX "audit_entries_clinic_ids_gin"`);
    await queryRunner.query(`CREATE INDEX "audit_entries_subjects_gin" ON "audit_entries" USING gin ("patient_ids", "referral_ids", "clinic_ids")`);
    await queryRunner.query(`DROP INDEX "audit_entries_actor_idx"`);
    await queryRunner.query(`CREATE INDEX "audit_entries_actor_idx" ON "audit_entries" ("actor_id", "at", "id")`);

    await queryRunner.query(`DROP INDEX "referrals_to_provider_status_idx"`);
    await queryRunner.query(`CREATE INDEX "referrals_to_provider_status_idx" ON "referrals" ("to_provider_id", "status", "created_at", "id") WHERE status <> 'DRAFT' AND sent_at IS NOT NULL`);
    await queryRunner.query(`DROP INDEX "referrals_to_clinic_status_idx"`);
    await queryRunner.query(`CREATE INDEX "referrals_to_clinic_status_idx" ON "referrals" ("to_clinic_id", "status", "created_at", "id") WHERE status <> 'DRAFT' AND sent_at IS NOT NULL`);
    await queryRunner.query(`DROP INDEX "referrals_to_provider_inbox_idx"`);
    await queryRunner.query(`CREATE INDEX "referrals_to_provider_inbox_idx" ON "referrals" ("to_provider_id", "created_at", "id") WHERE status <> 'DRAFT' AND sent_at IS NOT NULL`);
    await queryRunner.query(`DROP INDEX "referrals_to_clinic_inbox_idx"`);
    await queryRunner.query(`CREATE INDEX "referrals_to_clinic_inbox_idx" ON "referrals" ("to_clinic_id", "created_at", "id") WHERE status <> 'DRAFT' AND sent_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "referrals_to_provider_status_idx"`);
    await queryRunner.query(`CREATE INDEX "referrals_to_provider_status_idx" ON "referrals" ("to_provider_id", "status", "created_at", "id") WHERE status <> 'DRAFT'`);
    await queryRunner.query(`DROP INDEX "referrals_to_clinic_status_idx"`);
    await queryRunner.query(`CREATE INDEX "referrals_to_clinic_status_idx" ON "referrals" ("to_clinic_id", "status", "created_at", "id") WHERE status <> 'DRAFT'`);
    await queryRunner.query(`DROP INDEX "referrals_to_provider_inbox_idx"`);
    await queryRunner.query(`CREATE INDEX "referrals_to_provider_inbox_idx" ON "referrals" ("to_provider_id", "created_at", "id") WHERE status <> 'DRAFT'`);
    await queryRunner.query(`DROP INDEX "referrals_to_clinic_inbox_idx"`);
    await queryRunner.query(`CREATE INDEX "referrals_to_clinic_inbox_idx" ON "referrals" ("to_clinic_id", "created_at", "id") WHERE status <> 'DRAFT'`);

    await queryRunner.query(`DROP INDEX "audit_entries_actor_idx"`);
    await queryRunner.query(`CREATE INDEX "audit_entries_actor_idx" ON "audit_entries" ("actor_id", "at")`);
    await queryRunner.query(`DROP INDEX "audit_entries_subjects_gin"`);
    await queryRunner.query(`CREATE INDEX "audit_entries_clinic_ids_gin" ON "audit_entries" USING gin ("clinic_ids")`);
    await queryRunner.query(`CREATE INDEX "audit_entries_referral_ids_gin" ON "audit_entries" USING gin ("referral_ids")`);
    await queryRunner.query(`CREATE INDEX "audit_entries_patient_ids_gin" ON "audit_entries" USING gin ("patient_ids")`);

    await queryRunner.query(`DROP INDEX "referrals_onward_from_idx"`);
    await queryRunner.query(`CREATE INDEX "referrals_onward_from_idx" ON "referrals" ("onward_from_id")`);
    await queryRunner.query(`DROP INDEX "referrals_redirected_from_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "referrals_redirected_from_key" ON "referrals" ("redirected_from_id")`);
    await queryRunner.query(`DROP INDEX "referrals_referring_provider_idx"`);
    await queryRunner.query(`CREATE INDEX "referrals_referring_provider_idx" ON "referrals" ("referring_provider_id")`);
    await queryRunner.query(`DROP INDEX "referrals_reference_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "referrals_reference_key" ON "referrals" ("reference")`);
    await queryRunner.query(`CREATE INDEX "referrals_reference_prefix_idx" ON "referrals" ("reference" text_pattern_ops)`);
  }
}
