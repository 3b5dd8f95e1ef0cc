import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browser sessions: one row per signIn, holding a hash of the current refresh secret (the
 * secret itself lives only in the browser's cookie). `expires_at` is when the session ends
 * unless refreshed: each refresh moves it on by the idle timeout, never past
 * `absolute_expires_at`. A session is ended by setting `revoked_at` with its reason; rows are
 * kept, as the record of who was signed in from where.
 */
export class UserSessions1764900000000 implements MigrationInterface {
  name = 'UserSessions1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_sessions" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "secret_hash" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ip_address" character varying(64), "user_agent" character varying(300), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "absolute_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(30), CONSTRAINT "user_sessions_expiry_check" CHECK (expires_at <= absolute_expires_at), CONSTRAINT "user_sessions_revoked_check" CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL)), CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id"))`,
    );
    // Signing a user out everywhere (and disabling them) ends their sessions that are still open.
    await queryRunner.query(`CREATE INDEX "user_sessions_open_by_user_idx" ON "user_sessions" ("user_id") WHERE revoked_at IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "user_sessions"`);
  }
}
