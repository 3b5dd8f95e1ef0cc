import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import type { TableRow } from '@referloop/database';
import { mustEnrolSql } from '../two-factor/second-factor-rule';
import { openSession } from './open-session';
import { SessionEndReason } from './session-end-reason';

type SessionRow = TableRow<'user_sessions', { revoked_reason: SessionEndReason | null }>;

export interface NewSession {
  id: string;
  userId: string;
  secretHash: string;
  ipAddress: string | null;
  userAgent: string | null;
}

/** A session a refresh moved on: whose it is, and when it now ends unless refreshed again. */
export interface RefreshedSession {
  userId: string;
  expiresAt: Date;
  /** The session may only enrol a second factor. */
  needsSecondFactor: boolean;
}

/** An open session as its owner sees it in their list. */
export interface OpenSession {
  id: string;
  userAgent: string | null;
  ipAddress: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
}

/** Why a refresh matched nothing: the session as it stands. */
export interface SessionStanding {
  userId: string;
  ended: boolean;
  expired: boolean;
}

/**
 * The user_sessions table. A session's end (`expires_at`) is set from SESSION_IDLE_TIMEOUT_HOURS
 * at sign-in and at each refresh, never past its absolute end (SESSION_MAX_AGE_DAYS after
 * sign-in). Only open sessions are ended, so each method that ends one says whether it did.
 * TypeORM answers an UPDATE with [rows, affectedCount].
 */
@Injectable()
export class SessionRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a session; returns when it ends unless refreshed. */
  async create(session: NewSession): Promise<Date> {
    const { idleTimeoutHours, maxAgeDays } = this.config.sessions;
    const rows: Pick<SessionRow, 'expires_at'>[] = await this.db.query(
      `INSERT INTO user_sessions (id, user_id, secret_hash, ip_address, user_agent, absolute_expires_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $7), LEAST(now() + make_interval(hours => $6), now() + make_interval(days => $7)))
       RETURNING expires_at`,
      [session.id, session.userId, session.secretHash, session.ipAddress, session.userAgent, idleTimeoutHours, maxAgeDays],
    );
    return rows[0].expires_at;
  }

  /**
   * Replaces the secret of an open session whose current secret is `secretHash`, in one
   * statement: of two refreshes presenting the same secret at once, the second finds it already
   * replaced (PostgreSQL re-checks the condition on the row the first one wrote), so only one
   * succeeds. Null when nothing matched.
   */
  async refresh(id: string, secretHash: string, newSecretHash: string): Promise<RefreshedSession | null> {
    const [rows] = await this.db.query<[(Pick<SessionRow, 'user_id' | 'expires_at'> & { needs_second_factor: boolean })[], number]>(
      `UPDATE user_sessions s
          SET secret_hash = $3, last_used_at = now(), expires_at = LEAST(now() + make_interval(hours => $4), s.absolute_expires_at)
        WHERE s.id = $1 AND s.secret_hash = $2 AND ${openSession('s')}
        RETURNING s.user_id, s.expires_at,
                  (SELECT ${mustEnrolSql('u', 'c', '$5')} FROM users u LEFT JOIN clinics c ON c.id = u.clinic_id WHERE u.id = s.user_id) AS needs_second_factor`,
      [id, secretHash, newSecretHash, this.config.sessions.idleTimeoutHours, this.config.twoFactorRequiredForPlatformAdmins],
    );
    return rows[0] ? { userId: rows[0].user_id, expiresAt: rows[0].expires_at, needsSecondFactor: rows[0].needs_second_factor } : null;
  }

  /** The session's standing, whatever its secret; null when there is no such session. */
  async standing(id: string): Promise<SessionStanding | null> {
    const rows: { user_id: string; ended: boolean; expired: boolean }[] = await this.db.query(
      `SELECT user_id, revoked_at IS NOT NULL AS ended, expires_at <= now() AS expired FROM user_sessions WHERE id = $1`,
      [id],
    );
    return rows[0] ? { userId: rows[0].user_id, ended: rows[0].ended, expired: rows[0].expired } : null;
  }

  /** Ends the session if it is open and `secretHash` is its current secret's; whether it did. */
  async endWithSecret(id: string, secretHash: string, reason: SessionEndReason): Promise<boolean> {
    const [, ended] = await this.db.query<[unknown[], number]>(
      `UPDATE user_sessions s SET revoked_at = now(), revoked_reason = $3 WHERE s.id = $1 AND s.secret_hash = $2 AND ${openSession('s')}`,
      [id, secretHash, reason],
    );
    return ended > 0;
  }

  /** Ends the user's session `id` if it is open; whether it did. */
  async end(id: string, userId: string, reason: SessionEndReason): Promise<boolean> {
    const [, ended] = await this.db.query<[unknown[], number]>(
      `UPDATE user_sessions s SET revoked_at = now(), revoked_reason = $3 WHERE s.id = $1 AND s.user_id = $2 AND ${openSession('s')}`,
      [id, userId, reason],
    );
    return ended > 0;
  }

  /** The user's open sessions, the most recently used first (at most a hundred: a list to read, not to page). */
  async openOf(userId: string): Promise<OpenSession[]> {
    const rows: Pick<SessionRow, 'id' | 'user_agent' | 'ip_address' | 'created_at' | 'last_used_at' | 'expires_at'>[] = await this.db.query(
      `SELECT s.id, s.user_agent, s.ip_address, s.created_at, s.last_used_at, s.expires_at FROM user_sessions s
        WHERE s.user_id = $1 AND ${openSession('s')} ORDER BY s.last_used_at DESC, s.id LIMIT 100`,
      [userId],
    );
    return rows.map((row) => ({
      id: row.id,
      userAgent: row.user_agent,
      ipAddress: row.ip_address,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      expiresAt: row.expires_at,
    }));
  }

  /** Ends every open session of the user but `keptId` (the one asking, if it is a session); how many. */
  async endAllBut(userId: string, keptId: string | null, reason: SessionEndReason, manager: EntityManager = this.db.manager): Promise<number> {
    const [, ended] = await manager.query<[unknown[], number]>(
      `UPDATE user_sessions s SET revoked_at = now(), revoked_reason = $3 WHERE s.user_id = $1 AND s.id IS DISTINCT FROM $2 AND ${openSession('s')}`,
      [userId, keptId, reason],
    );
    return ended;
  }

  /** Brings the session's end forward to `at` (never later than it was), so no refresh carries it past then. */
  async endBy(id: string, at: Date): Promise<void> {
    await this.db.query('UPDATE user_sessions SET expires_at = LEAST(expires_at, $2), absolute_expires_at = LEAST(absolute_expires_at, $2) WHERE id = $1', [id, at]);
  }

  /** Ends every open session of the user (in the caller's transaction, if given); how many. */
  async endAll(userId: string, reason: SessionEndReason, manager: EntityManager = this.db.manager): Promise<number> {
    const [, ended] = await manager.query<[unknown[], number]>(
      `UPDATE user_sessions s SET revoked_at = now(), revoked_reason = $2 WHERE s.user_id = $1 AND ${openSession('s')}`,
      [userId, reason],
    );
    return ended;
  }
}
