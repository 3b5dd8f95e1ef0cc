import { MigrationInterface, QueryRunner } from 'typeorm';

/** The treatment plan of an episode, versioned: each change is a new row, earlier ones stay. */
export class TreatmentPlans1764600000000 implements MigrationInterface {
  name = 'TreatmentPlans1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "treatment_plans" ("id" uuid NOT NULL, "referral_id" uuid NOT NULL, "version" integer NOT NULL, "long_term_goal" text NOT NULL, "short_term_goals" jsonb NOT NULL, "planned_visits" integer NOT NULL, "visits_per_week" integer NOT NULL, "techniques" text array NOT NULL, "set_by_user_id" uuid NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6372779b339933b56aa985167f0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "treatment_plans_referral_version_key" ON "treatment_plans" ("referral_id", "version")`);
    await queryRunner.query(
      `ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_set_by_user_id_fkey" FOREIGN KEY ("set_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // A version, once written, is history.
    await queryRunner.query(
      `CREATE TRIGGER treatment_plans_append_only BEFORE UPDATE OR DELETE ON "treatment_plans" FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "treatment_plans"`);
  }
}
