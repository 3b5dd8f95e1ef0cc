import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What closes the loop during and after an episode: stored progress reports (append-only),
 * the link from an onward referral to the episode it came from, and the once-only reminder of
 * an outcome the referrer has not acknowledged.
 */
export class EpisodeReports1764800000000 implements MigrationInterface {
  name = 'EpisodeReports1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "progress_reports" ("id" uuid NOT NULL, "referral_id" uuid NOT NULL, "number" integer NOT NULL, "trigger" character varying(20) NOT NULL, "progress" jsonb NOT NULL, "comments" text, "written_by_user_id" uuid NOT NULL, "written_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_175179020a43d5ec75ab1d6a04f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "progress_reports_referral_number_key" ON "progress_reports" ("referral_id", "number")`);
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_written_by_user_id_fkey" FOREIGN KEY ("written_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // A report is what the referrer was told: it is never rewritten (refuse_change() comes from the treatment plans' migration).
    await queryRunner.query(`CREATE TRIGGER progress_reports_append_only BEFORE UPDATE OR DELETE ON "progress_reports" FOR EACH ROW EXECUTE FUNCTION refuse_change()`);

    await queryRunner.query(`ALTER TABLE "referrals" ADD "outcome_reminded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD "onward_from_id" uuid`);
    await queryRunner.query(`CREATE INDEX "referrals_onward_from_idx" ON "referrals" ("onward_from_id")`);
    // Outcomes already waiting when this runs are not reminded: a first sweep would otherwise
    // send every referrer a reminder for each outcome they ever left unacknowledged.
    await queryRunner.query(`UPDATE "referrals" SET "outcome_reminded_at" = "completed_at" WHERE status = 'COMPLETED' AND loop_closed_at IS NULL`);
    await queryRunner.query(
      `CREATE INDEX "referrals_outcome_waiting_idx" ON "referrals" ("completed_at") WHERE status = 'COMPLETED' AND loop_closed_at IS NULL AND outcome_reminded_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "referrals_sent_at_idx" ON "referrals" ("sent_at") WHERE status <> 'DRAFT'`);
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "referrals_onward_from_id_fkey" FOREIGN KEY ("onward_from_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "referrals_onward_from_id_fkey"`);
    await queryRunner.query(`DROP INDEX "referrals_sent_at_idx"`);
    await queryRunner.query(`DROP INDEX "referrals_outcome_waiting_idx"`);
    await queryRunner.query(`DROP INDEX "referrals_onward_from_idx"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "onward_from_id"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "outcome_reminded_at"`);
    await queryRunner.query(`DROP TABLE "progress_reports"`);
  }
}
