import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { secondFactorRequiredSql } from './second-factor-rule';

/** A user's authenticator, as stored. */
export interface StoredFactor {
  secretCiphertext: string;
  confirmed: boolean;
  lastUsedStep: number | null;
  /** Seconds since the secret was made. */
  ageSeconds: number;
  /** The session that began the enrolment (unconfirmed only): the one that may see it again and confirm it. */
  enrollingSessionId: string | null;
}

/** A sign-in waiting for its second factor. */
export interface NewChallenge {
  id: string;
  userId: string;
  secretHash: string;
  client: 'BROWSER' | 'API';
  ttlSeconds: number;
}

export interface OpenChallenge {
  userId: string;
  client: 'BROWSER' | 'API';
}

/** Wrong codes one challenge takes before it is spent: then the password is asked for again. */
export const MAX_CODE_FAILURES = 5;

const OPEN_CHALLENGE = `c.used_at IS NULL AND c.expires_at > now() AND c.failures < ${MAX_CODE_FAILURES}`;

/** totp_factors, totp_recovery_codes and sign_in_challenges. */
@Injectable()
export class TwoFactorRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async factorOf(userId: string): Promise<StoredFactor | null> {
    const rows: { secret_ciphertext: string; confirmed: boolean; last_used_step: string | null; age_seconds: number; enrolling_session_id: string | null }[] = await this.db.query(
      `SELECT secret_ciphertext, confirmed_at IS NOT NULL AS confirmed, last_used_step, extract(epoch FROM now() - created_at)::int AS age_seconds, enrolling_session_id
         FROM totp_factors WHERE user_id = $1`,
      [userId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      secretCiphertext: row.secret_ciphertext,
      confirmed: row.confirmed,
      lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
      ageSeconds: row.age_seconds,
      enrollingSessionId: row.enrolling_session_id,
    };
  }

  /** Keeps a new, unconfirmed secret begun by `sessionId`, replacing an unconfirmed one; false when a confirmed factor is on. */
  async saveUnconfirmed(userId: string, secretCiphertext: string, sessionId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO totp_factors (user_id, secret_ciphertext, enrolling_session_id) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET secret_ciphertext = EXCLUDED.secret_ciphertext, enrolling_session_id = EXCLUDED.enrolling_session_id, created_at = now(), last_used_step = NULL
        WHERE totp_factors.confirmed_at IS NULL
       RETURNING user_id`,
      [userId, secretCiphertext, sessionId],
    );
    return rows.length > 0;
  }

  /**
   * Turns the unconfirmed factor on, with the step of the code that confirmed it and new recovery
   * codes; whether it did. Only the secret the code was checked against: one that a `begin`
   * replaced meanwhile is not turned on unseen.
   */
  async confirm(userId: string, secretCiphertext: string, step: number, recoveryCodeHashes: readonly string[], manager: EntityManager): Promise<boolean> {
    const [, confirmed] = await manager.query<[unknown[], number]>(
      'UPDATE totp_factors SET confirmed_at = now(), last_used_step = $3, enrolling_session_id = NULL WHERE user_id = $1 AND secret_ciphertext = $2 AND confirmed_at IS NULL',
      [userId, secretCiphertext, step],
    );
    if (confirmed === 0) return false;
    await manager.query('DELETE FROM totp_recovery_codes WHERE user_id = $1', [userId]);
    await manager.query('INSERT INTO totp_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])', [userId, recoveryCodeHashes]);
    return true;
  }

  /**
   * Records `step` as the last one used, only if it is later than the last one: of two sign-ins
   * with the same code at once, one wins. Whether it did.
   */
  async useStep(userId: string, step: number): Promise<boolean> {
    const [, used] = await this.db.query<[unknown[], number]>(
      `UPDATE totp_factors SET last_used_step = $2 WHERE user_id = $1 AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $2)`,
      [userId, step],
    );
    return used > 0;
  }

  /** Spends the user's unused recovery code with this hash; whether there was one. */
  async useRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const [, used] = await this.db.query<[unknown[], number]>(
      'UPDATE totp_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL',
      [userId, codeHash],
    );
    return used > 0;
  }

  async recoveryCodesLeft(userId: string): Promise<number> {
    const rows: { left: number }[] = await this.db.query('SELECT count(*)::int AS left FROM totp_recovery_codes WHERE user_id = $1 AND used_at IS NULL', [userId]);
    return rows[0].left;
  }

  /** Removes the user's factor and recovery codes; whether a confirmed factor was on. */
  async remove(userId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    await manager.query('DELETE FROM totp_recovery_codes WHERE user_id = $1', [userId]);
    const [, removed] = await manager.query<[unknown[], number]>('DELETE FROM totp_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL', [userId]);
    await manager.query('DELETE FROM totp_factors WHERE user_id = $1', [userId]);
    return removed > 0;
  }

  /** Whether the user must sign in with a second factor (`secondFactorRequiredSql`). */
  async required(userId: string, platformAdminsMust: boolean): Promise<boolean> {
    const rows: { required: boolean }[] = await this.db.query(
      `SELECT ${secondFactorRequiredSql('u', 'c', '$2')} AS required FROM users u LEFT JOIN clinics c ON c.id = u.clinic_id WHERE u.id = $1`,
      [userId, platformAdminsMust],
    );
    return rows[0]?.required ?? false;
  }

  async createChallenge(challenge: NewChallenge): Promise<Date> {
    const rows: { expires_at: Date }[] = await this.db.query(
      `INSERT INTO sign_in_challenges (id, user_id, secret_hash, client, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) RETURNING expires_at`,
      [challenge.id, challenge.userId, challenge.secretHash, challenge.client, challenge.ttlSeconds],
    );
    return rows[0].expires_at;
  }

  /**
   * Counts one attempt at the open challenge `id` whose secret is `secretHash`, before its code is
   * checked: as a failure until `succeed` says otherwise, so parallel guesses cannot exceed the
   * limit. The attempt is refused ('throttled') when the user's challenges of the last
   * `windowSeconds` already hold `maxFailures` wrong codes: a correct password opens a new
   * challenge, but never more guesses. Null when the challenge is not open.
   */
  async attempt(id: string, secretHash: string, maxFailures: number, windowSeconds: number): Promise<OpenChallenge | 'throttled' | null> {
    return this.db.transaction(async (manager) => {
      const rows: { user_id: string; client: 'BROWSER' | 'API' }[] = await manager.query(
        `SELECT c.user_id, c.client FROM sign_in_challenges c WHERE c.id = $1 AND c.secret_hash = $2 AND ${OPEN_CHALLENGE}`,
        [id, secretHash],
      );
      if (!rows[0]) return null;
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`second-factor:${rows[0].user_id}`]);
      const recent: { failures: number }[] = await manager.query(
        `SELECT COALESCE(sum(failures), 0)::int AS failures FROM sign_in_challenges WHERE user_id = $1 AND created_at > now() - make_interval(secs => $2)`,
        [rows[0].user_id, windowSeconds],
      );
      if (recent[0].failures >= maxFailures) return 'throttled';
      const [, counted] = await manager.query<[unknown[], number]>(`UPDATE sign_in_challenges c SET failures = failures + 1 WHERE c.id = $1 AND ${OPEN_CHALLENGE}`, [id]);
      return counted > 0 ? { userId: rows[0].user_id, client: rows[0].client } : null;
    });
  }

  /** The attempt's code was right: not a failure after all, and the challenge is spent (one sign-in each). Whether it was still unspent. */
  async succeed(id: string): Promise<boolean> {
    const [, used] = await this.db.query<[unknown[], number]>(
      'UPDATE sign_in_challenges SET used_at = now(), failures = failures - 1 WHERE id = $1 AND used_at IS NULL AND expires_at > now()',
      [id],
    );
    return used > 0;
  }

  /** Ends the user's open challenges: after a password change or reset, or two-factor removed. */
  async endChallenges(userId: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query('UPDATE sign_in_challenges SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [userId]);
  }
}
