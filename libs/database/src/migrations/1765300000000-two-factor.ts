import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-factor sign-in with an authenticator app (TOTP, RFC 6238).
 *
 * - `totp_factors`: a user's secret, encrypted with a key derived from LINK_SECRET; confirmed
 *   once the user has typed a code from it. `last_used_step` is the time step of the last code
 *   accepted: a code is never accepted twice, nor one older than it.
 * - `totp_recovery_codes`: ten single-use codes per enrolment, stored as hashes.
 * - `sign_in_challenges`: the step between a correct password and the code, for 5 minutes,
 *   with a hashed secret and a count of wrong codes.
 * - `user_sessions.needs_second_factor`: a session of a user who must enrol and has not yet;
 *   it may only enrol (or sign out).
 * - `clinics.require_two_factor`: the clinic's admins require it of everyone in the clinic.
 */
export class TwoFactor1765300000000 implements MigrationInterface {
  name = 'TwoFactor1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "totp_factors" ("user_id" uuid NOT NULL, "secret_ciphertext" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "confirmed_at" TIMESTAMP WITH TIME ZONE, "last_used_step" bigint, CONSTRAINT "totp_factors_pkey" PRIMARY KEY ("user_id"), CONSTRAINT "totp_factors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE TABLE "totp_recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" character varying(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "totp_recovery_codes_pkey" PRIMARY KEY ("id"), CONSTRAINT "totp_recovery_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(`CREATE INDEX "totp_recovery_codes_user_idx" ON "totp_recovery_codes" ("user_id") WHERE used_at IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "sign_in_challenges" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "secret_hash" character varying(64) NOT NULL, "client" character varying(10) NOT NULL, "ip_address" character varying(64), "user_agent" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "failures" integer NOT NULL DEFAULT 0, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "sign_in_challenges_pkey" PRIMARY KEY ("id"), CONSTRAINT "sign_in_challenges_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(`ALTER TABLE "user_sessions" ADD "needs_second_factor" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "clinics" ADD "require_two_factor" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "clinics" DROP COLUMN "require_two_factor"`);
    await queryRunner.query(`ALTER TABLE "user_sessions" DROP COLUMN "needs_second_factor"`);
    await queryRunner.query(`DROP TABLE "sign_in_challenges"`);
    await queryRunner.query(`DROP TABLE "totp_recovery_codes"`);
    await queryRunner.query(`DROP TABLE "totp_factors"`);
  }
}
