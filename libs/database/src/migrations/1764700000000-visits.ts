import { MigrationInterface, QueryRunner } from 'typeorm';

/** The visits of a treatment episode, attended or missed. */
export class Visits1764700000000 implements MigrationInterface {
  name = 'Visits1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "visits" ("id" uuid NOT NULL, "referral_id" uuid NOT NULL, "number" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "attended" boolean NOT NULL, "techniques_used" text array NOT NULL, "range_of_motion" jsonb NOT NULL, "pain_score" integer, "notes" text, "short_term_goals_met" integer array NOT NULL, "plan_version" integer, "over_budget" boolean NOT NULL, "recorded_by_user_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0b0b322289a41015c6ea4e8bf30" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "visits_referral_number_key" ON "visits" ("referral_id", "number")`);
    await queryRunner.query(
      `ALTER TABLE "visits" ADD CONSTRAINT "visits_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visits" ADD CONSTRAINT "visits_recorded_by_user_id_fkey" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "visits"`);
  }
}
