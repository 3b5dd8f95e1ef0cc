import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, UserRole } from '@referloop/common';
import { openSession } from './sessions/open-session';
import { User } from './user.model';
import type { TableRow } from '@referloop/database';

/** A user, with their provider profile's id (SELECT_USER joins it). */
type UserRow = TableRow<'users', { role: UserRole }> & { provider_id: string | null };

const SELECT_USER = `SELECT u.*, p.id AS provider_id FROM users u LEFT JOIN providers p ON p.user_id = u.id`;

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  clinicId: row.clinic_id,
  providerId: row.provider_id,
  disabled: row.disabled_at !== null,
  createdAt: row.created_at,
});

/** Whom a valid access token names: a user, and the browser session it was issued for, if any. */
export interface TokenHolder {
  userId: string;
  sessionId: string | null;
}

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  role: UserRole;
  clinicId: string | null;
}

@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findCredentials(email: string): Promise<{ user: User; passwordHash: string } | null> {
    const rows: UserRow[] = await this.db.query(`${SELECT_USER} WHERE u.email = $1`, [email.toLowerCase()]);
    return rows[0] ? { user: toUser(rows[0]), passwordHash: rows[0].password_hash } : null;
  }

  async findByIds(ids: readonly string[]): Promise<User[]> {
    const rows: UserRow[] = await this.db.query(`${SELECT_USER} WHERE u.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toUser);
  }

  async findById(id: string): Promise<User | null> {
    const rows: UserRow[] = await this.db.query(`${SELECT_USER} WHERE u.id = $1`, [id]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  /**
   * The caller behind a token, or null when the account is gone or disabled, or the token's
   * browser session has ended. One round trip: every request asks it.
   */
  async findActiveActor(holder: TokenHolder, ipAddress: string | null): Promise<Actor | null> {
    const rows: UserRow[] = await this.db.query(
      `${SELECT_USER}
        WHERE u.id = $1 AND u.disabled_at IS NULL
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM user_sessions s WHERE s.id = $2 AND s.user_id = u.id AND ${openSession('s')}))`,
      [holder.userId, holder.sessionId],
    );
    const row = rows[0];
    return row
      ? { userId: row.id, role: row.role, clinicId: row.clinic_id, providerId: row.provider_id, sessionId: holder.sessionId, ipAddress }
      : null;
  }

  /** Inserts the user; null when the email is already taken. */
  async insert(user: NewUser): Promise<User | null> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO users (id, email, password_hash, display_name, role, clinic_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [randomUUID(), user.email.toLowerCase(), user.passwordHash, user.displayName, user.role, user.clinicId],
    );
    return rows[0] ? this.findById(rows[0].id) : null;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
  }

  async disable(id: string): Promise<void> {
    await this.db.query('UPDATE users SET disabled_at = COALESCE(disabled_at, now()) WHERE id = $1', [id]);
  }

  async platformAdminExists(): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM users WHERE role = $1 LIMIT 1`, [UserRole.PLATFORM_ADMIN]);
    return rows.length > 0;
  }

}
