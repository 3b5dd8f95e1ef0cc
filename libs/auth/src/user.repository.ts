import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, KeysetCursor, UserRole } from '@referloop/common';
import { APP_CONFIG, AppConfig, lazyCount } from '@referloop/core';
import { openSession } from './sessions/open-session';
import { mustEnrolSql, secondFactorOnSql } from './two-factor/second-factor-rule';
import { User, UserStatus } from './user.model';
import type { TableRow } from '@referloop/database';

/** A user, with their provider profile's id (SELECT_USER joins it). */
type UserRow = TableRow<'users', { role: UserRole }> & { provider_id: string | null; two_factor_on: boolean };

const SELECT_USER = `SELECT u.*, p.id AS provider_id, ${secondFactorOnSql('u')} AS two_factor_on FROM users u LEFT JOIN providers p ON p.user_id = u.id`;

/** The SQL twin of `UserStatus` for the users row aliased `u`: one definition for reads and filters. */
const STATUS_SQL: Record<UserStatus, string> = {
  [UserStatus.DISABLED]: 'u.disabled_at IS NOT NULL',
  [UserStatus.INVITED]: 'u.disabled_at IS NULL AND u.password_hash IS NULL',
  [UserStatus.ACTIVE]: 'u.disabled_at IS NULL AND u.password_hash IS NOT NULL',
};
const ACTIVE_SQL = STATUS_SQL[UserStatus.ACTIVE];

/** What a list of users may be narrowed by. */
export interface UserListFilter {
  clinicId?: string | null;
  role?: UserRole | null;
  status?: UserStatus | null;
}

/** The WHERE of a user list: the scope (a clinic admin's own clinic) in SQL, then the filter. */
function userListWhere(scope: string | null, filter: UserListFilter): { where: string; values: unknown[] } {
  const values: unknown[] = [scope, filter.clinicId ?? null, filter.role ?? null];
  const status = filter.status ? ` AND ${STATUS_SQL[filter.status]}` : '';
  return { where: `($1::uuid IS NULL OR u.clinic_id = $1) AND ($2::uuid IS NULL OR u.clinic_id = $2) AND ($3::text IS NULL OR u.role = $3)${status}`, values };
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  clinicId: row.clinic_id,
  providerId: row.provider_id,
  disabled: row.disabled_at !== null,
  status: row.disabled_at !== null ? UserStatus.DISABLED : row.password_hash === null ? UserStatus.INVITED : UserStatus.ACTIVE,
  createdAt: row.created_at,
  twoFactorOn: row.two_factor_on,
});

/** Whom a valid access token names: a user, and the session it was issued for. */
export interface TokenHolder {
  userId: string;
  sessionId: string;
}

export interface NewUser {
  email: string;
  /** Null for an invited user, until they choose one. */
  passwordHash: string | null;
  displayName: string;
  role: UserRole;
  clinicId: string | null;
}

@Injectable()
export class UserRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The user and their password hash (null until an invited user has chosen one). */
  async findCredentials(email: string): Promise<{ user: User; passwordHash: string | null } | null> {
    const rows: UserRow[] = await this.db.query(`${SELECT_USER} WHERE u.email = $1`, [email.toLowerCase()]);
    return rows[0] ? { user: toUser(rows[0]), passwordHash: rows[0].password_hash } : null;
  }

  async findByIds(ids: readonly string[]): Promise<User[]> {
    const rows: UserRow[] = await this.db.query(`${SELECT_USER} WHERE u.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toUser);
  }

  async findById(id: string, manager: EntityManager = this.db.manager): Promise<User | null> {
    const rows: UserRow[] = await manager.query(`${SELECT_USER} WHERE u.id = $1`, [id]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  /**
   * The caller behind a token, or null when the account is gone or disabled, or the token's
   * session has ended. One round trip on primary keys: every request asks it, which is what
   * lets ending a session (sign-out, revocation, a password change, disabling) end its access
   * tokens at once rather than at their expiry, and a second factor the account must now use
   * restrict it at once (`needsSecondFactor`).
   */
  async findActiveActor(holder: TokenHolder, ipAddress: string | null): Promise<Actor | null> {
    const rows: (UserRow & { needs_second_factor: boolean })[] = await this.db.query(
      `SELECT u.*, p.id AS provider_id, ${secondFactorOnSql('u')} AS two_factor_on, ${mustEnrolSql('u', 'c', '$3')} AS needs_second_factor
         FROM users u JOIN user_sessions s ON s.id = $2 AND s.user_id = u.id AND ${openSession('s')}
         LEFT JOIN providers p ON p.user_id = u.id
         LEFT JOIN clinics c ON c.id = u.clinic_id
        WHERE u.id = $1 AND u.disabled_at IS NULL`,
      [holder.userId, holder.sessionId, this.config.twoFactorRequiredForPlatformAdmins],
    );
    const row = rows[0];
    return row
      ? {
          userId: row.id,
          role: row.role,
          clinicId: row.clinic_id,
          providerId: row.provider_id,
          sessionId: holder.sessionId,
          ipAddress,
          needsSecondFactor: row.needs_second_factor,
          secondFactorOn: row.two_factor_on,
        }
      : null;
  }

  /** Inserts the user (in the caller's transaction, if given); null when the email is already taken. */
  async insert(user: NewUser, manager: EntityManager = this.db.manager): Promise<User | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO users (id, email, password_hash, display_name, role, clinic_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [randomUUID(), user.email.toLowerCase(), user.passwordHash, user.displayName, user.role, user.clinicId],
    );
    return rows[0] ? this.findById(rows[0].id, manager) : null;
  }

  async setPasswordHash(id: string, passwordHash: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
  }

  /**
   * An invited user's first password, and so their account's start: only while they have none
   * and are not disabled (a withdrawn invitation). Whether it was set.
   */
  async setFirstPasswordHash(id: string, passwordHash: string, manager: EntityManager): Promise<boolean> {
    const [, updated] = await manager.query<[unknown[], number]>(
      'UPDATE users SET password_hash = $2 WHERE id = $1 AND password_hash IS NULL AND disabled_at IS NULL',
      [id, passwordHash],
    );
    return updated > 0;
  }

  /** Whether the user has chosen a password (accepted their invitation), disabled or not. */
  async hasPassword(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM users WHERE id = $1 AND password_hash IS NOT NULL', [id]);
    return rows.length > 0;
  }

  async enable(id: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query('UPDATE users SET disabled_at = NULL WHERE id = $1', [id]);
  }

  /** Enables an invited account again (a withdrawn invitation re-sent), only while it has no password; whether it did. */
  async enableInvited(id: string, manager: EntityManager): Promise<boolean> {
    const [, updated] = await manager.query<[unknown[], number]>('UPDATE users SET disabled_at = NULL WHERE id = $1 AND password_hash IS NULL', [id]);
    return updated > 0;
  }

  /** Disables an invited account (its invitation withdrawn), only while it has no password; whether it did. */
  async disableInvited(id: string, manager: EntityManager): Promise<boolean> {
    const [, updated] = await manager.query<[unknown[], number]>(
      'UPDATE users SET disabled_at = COALESCE(disabled_at, now()) WHERE id = $1 AND password_hash IS NULL',
      [id],
    );
    return updated > 0;
  }

  async disable(id: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query('UPDATE users SET disabled_at = COALESCE(disabled_at, now()) WHERE id = $1', [id]);
  }

  /** A page of users, newest first after the keyset `after`, of one clinic (`scope`) or all (null), narrowed by `filter`. */
  async page(scope: string | null, filter: UserListFilter, limit: number, after: KeysetCursor | null): Promise<(User & { createdAt: Date })[]> {
    const { where, values } = userListWhere(scope, filter);
    const keyset = after ? `AND (u.created_at, u.id) < ($${values.length + 2}, $${values.length + 3})` : '';
    const rows: UserRow[] = await this.db.query(
      `${SELECT_USER} WHERE ${where} ${keyset} ORDER BY u.created_at DESC, u.id DESC LIMIT $${values.length + 1}`,
      after ? [...values, limit, after.createdAt, after.id] : [...values, limit],
    );
    return rows.map(toUser);
  }

  count(scope: string | null, filter: UserListFilter): () => Promise<number> {
    const { where, values } = userListWhere(scope, filter);
    return lazyCount(this.db, `SELECT count(*)::int AS total FROM users u WHERE ${where}`, values);
  }

  async setRole(id: string, role: UserRole, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE users SET role = $2 WHERE id = $1', [id, role]);
  }

  /**
   * The clinic's other active admins besides `userId`, counted while holding the clinic's row
   * lock until the caller's transaction ends: two admins demoting each other at once are
   * counted one after the other, so the clinic never ends up with none.
   */
  async otherActiveAdmins(clinicId: string, userId: string, manager: EntityManager): Promise<number> {
    await manager.query('SELECT 1 FROM clinics WHERE id = $1 FOR UPDATE', [clinicId]);
    const rows: { admins: number }[] = await manager.query(
      `SELECT count(*)::int AS admins FROM users u WHERE u.clinic_id = $1 AND u.role = $2 AND u.id <> $3 AND ${ACTIVE_SQL}`,
      [clinicId, UserRole.CLINIC_ADMIN, userId],
    );
    return rows[0].admins;
  }

  async platformAdminExists(): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM users WHERE role = $1 LIMIT 1`, [UserRole.PLATFORM_ADMIN]);
    return rows.length > 0;
  }

}
