import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ACCOUNT_LINK_TEMPLATE, AccountLinkKind, NotificationStatus, RecipientKind } from '@referloop/notifications';
import { AccountEventKind } from '../events/account-event';

/** A link to send: for whom, of what kind, made by whom (from where), good for how long. */
export interface NewAccountLink {
  userId: string;
  kind: AccountLinkKind;
  createdByUserId: string | null;
  ipAddress: string | null;
  ttlSeconds: number;
}

/** The account event each kind of link records when it is sent. */
const SENT_EVENT: Record<AccountLinkKind, AccountEventKind> = {
  [AccountLinkKind.INVITATION]: AccountEventKind.INVITATION_SENT,
  [AccountLinkKind.PASSWORD_RESET]: AccountEventKind.PASSWORD_RESET_REQUESTED,
};

/** How a link stands, whatever is asked of it. */
export enum LinkState {
  OPEN = 'OPEN',
  USED = 'USED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

export interface LinkStanding {
  userId: string;
  kind: AccountLinkKind;
  state: LinkState;
  expiresAt: Date;
}

/** The state of the link row aliased `l`, one definition for every query that asks. */
const STATE_SQL = (l: string) => `CASE WHEN ${l}.used_at IS NOT NULL THEN '${LinkState.USED}'
  WHEN ${l}.revoked_at IS NOT NULL THEN '${LinkState.REVOKED}'
  WHEN ${l}.expires_at <= now() THEN '${LinkState.EXPIRED}'
  ELSE '${LinkState.OPEN}' END`;

/**
 * The account_links table and the emails that carry them. A link is written with its email in
 * one statement, inside the caller's transaction when it has one: the email exists exactly when
 * the link does. A new link replaces the user's open links of its kind (re-sending makes the old
 * email's link stop working).
 */
@Injectable()
export class AccountLinkRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Writes an invitation's link and its PENDING email, in the caller's transaction, for a user who
   * has no password yet: the email's notification id, to queue after commit, or null when the
   * user has accepted meanwhile. The user's links are issued one at a time (a lock held to the
   * end of the transaction), so two at once cannot both stay open.
   */
  async issueInvitation(link: Omit<NewAccountLink, 'kind'>, manager: EntityManager): Promise<string | null> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`account-links:${link.userId}`]);
    const [id] = await this.issueFor('u.id = $1 AND u.password_hash IS NULL', link.userId, { ...link, kind: AccountLinkKind.INVITATION }, manager);
    return id ?? null;
  }

  /**
   * A password reset for the active account with this email, if there is one: the email's
   * notification id, or null. One statement either way, so that an address without an account
   * costs the same time as one with. The caller holds the address's lock (the throttle's), so
   * resets of one account are issued one at a time.
   */
  async issueResetFor(email: string, link: Omit<NewAccountLink, 'userId' | 'kind'>, manager: EntityManager): Promise<string | null> {
    const reset = { ...link, kind: AccountLinkKind.PASSWORD_RESET };
    const [id] = await this.issueFor('u.email = $1 AND u.disabled_at IS NULL AND u.password_hash IS NOT NULL', email, reset, manager);
    return id ?? null;
  }

  /**
   * The one statement behind both: replaces the open links of the kind, writes the new one, its
   * email and the account event that records it, for the user `userMatch` finds, if any.
   */
  private async issueFor(userMatch: string, key: string, link: Omit<NewAccountLink, 'userId'>, manager: EntityManager): Promise<string[]> {
    const rows: { notification_id: string }[] = await manager.query(
      `WITH target AS (SELECT u.id, u.email, u.clinic_id FROM users u WHERE ${userMatch}),
       replaced AS (
         UPDATE account_links SET revoked_at = now()
          WHERE user_id IN (SELECT id FROM target) AND kind = $2 AND used_at IS NULL AND revoked_at IS NULL
       ), link AS (
         INSERT INTO account_links (id, user_id, kind, created_by_user_id, expires_at)
         SELECT $3, target.id, $2, $4, now() + make_interval(secs => $5) FROM target
         RETURNING id
       ), event AS (
         INSERT INTO account_events (event, actor_id, user_id, clinic_id, ip_address)
         SELECT $9, $4, target.id, target.clinic_id, $10 FROM target
       )
       INSERT INTO notifications (id, account_link_id, recipient_kind, template, recipient_email, status, created_at, updated_at)
       SELECT gen_random_uuid(), link.id, $6, $7, target.email, $8, date_trunc('milliseconds', now()), date_trunc('milliseconds', now())
         FROM link CROSS JOIN target
       RETURNING id AS notification_id`,
      [
        key,
        link.kind,
        randomUUID(),
        link.createdByUserId,
        link.ttlSeconds,
        RecipientKind.ACCOUNT_HOLDER,
        ACCOUNT_LINK_TEMPLATE[link.kind],
        NotificationStatus.PENDING,
        SENT_EVENT[link.kind],
        link.ipAddress,
      ],
    );
    return rows.map((row) => row.notification_id);
  }

  /** How the link stands; null when there is no such link. */
  async standing(id: string): Promise<LinkStanding | null> {
    const rows: { user_id: string; kind: AccountLinkKind; state: LinkState; expires_at: Date }[] = await this.db.query(
      `SELECT l.user_id, l.kind, ${STATE_SQL('l')} AS state, l.expires_at FROM account_links l WHERE l.id = $1`,
      [id],
    );
    return rows[0] ? { userId: rows[0].user_id, kind: rows[0].kind, state: rows[0].state, expiresAt: rows[0].expires_at } : null;
  }

  /**
   * Spends an open link of `kind`, in the caller's transaction: of two uses at once, one wins
   * (the second finds it used). The user it was for; null when it was not open.
   */
  async use(id: string, kind: AccountLinkKind, manager: EntityManager): Promise<string | null> {
    const [rows] = await manager.query<[{ user_id: string }[], number]>(
      `UPDATE account_links l SET used_at = now() WHERE l.id = $1 AND l.kind = $2 AND ${STATE_SQL('l')} = '${LinkState.OPEN}' RETURNING l.user_id`,
      [id, kind],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Withdraws the user's open links of `kind`; how many. */
  async revokeOpen(userId: string, kind: AccountLinkKind, manager: EntityManager = this.db.manager): Promise<number> {
    const [, revoked] = await manager.query<[unknown[], number]>(
      `UPDATE account_links SET revoked_at = now() WHERE user_id = $1 AND kind = $2 AND used_at IS NULL AND revoked_at IS NULL`,
      [userId, kind],
    );
    return revoked;
  }
}
