import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isPlatformAdmin, PageRequest } from '@referloop/common';
import { badInput, lazyCount, sqlParams } from '@referloop/core';
import { OutboxAnswer, OutboxItem, outboxStatement } from '@referloop/notifications';
import { providerStatsDueCte } from '@referloop/providers';
import { AuditEntryRecord, auditEntryCte } from '@referloop/audit';
import { ReferralDirection, ReferralFilter } from './dto/referrals.args';
import { ReferralEventType, ReferralStatus } from '@referloop/lifecycle';
import { needsActionFilter } from './filters/needs-action-condition';
import { referralSearchOf, searchCondition } from './filters/referral-search';
import { ReferralEvent } from './models/referral.model';
import { notificationsFor } from './notifications/referral-notifications';
import { poolCandidateCondition } from './pool/pool-eligibility';
import { inboundCondition, outboundCondition, visibilityCondition } from './referral-access';
import { ReferralRow } from './referral.row';
import { AuditedChange } from './audited-change';
import { referralWebhookCtes } from './webhooks/referral-webhooks';
import type { TableRow } from '@referloop/database';

/**
 * What a new referral is inserted with: its own columns, by the row's names and types (a
 * misspelt or mistyped column does not compile). Everything else starts null or defaulted.
 */
export type NewReferral = Pick<
  ReferralRow,
  | 'reference' | 'status' | 'priority' | 'modality' | 'conditions' | 'techniques' | 'reason' | 'assessment' | 'goals'
  | 'recommended_visits' | 'visits_per_week' | 'red_flags' | 'consent_to_share' | 'patient_id' | 'referring_clinic_id'
  | 'referring_user_id' | 'referring_provider_id' | 'to_provider_id' | 'to_clinic_id' | 'idempotency_key' | 'sent_at' | 'due_at'
  | 'redirected_from_id' | 'onward_from_id' | 'sent_by_user_id' | 'pool_latitude' | 'pool_longitude' | 'pool_radius_km'
>;

/** Columns a move may change: everything but the identity, the version, the timestamps `writeMove` keeps itself and the pool's point and area (a trigger's). */
export type ReferralChanges = Partial<Omit<ReferralRow, 'id' | 'reference' | 'version' | 'created_at' | 'updated_at' | 'pool_candidate' | 'pool_point' | 'pool_area'>>;

/** jsonb columns: written as JSON text, since node-postgres would send an array as a PostgreSQL array. */
const JSON_COLUMNS: ReadonlySet<string> = new Set<keyof ReferralRow>(['assessment', 'goals', 'outcome']);

/** A column's value as a parameter: JSON columns serialised here so that no caller has to. */
const columnValue = (column: string, value: unknown) => (JSON_COLUMNS.has(column) && value !== null && value !== undefined ? JSON.stringify(value) : value);

/** `column = $n` for each change. */
const assignments = (changes: ReferralChanges, param: (value: unknown) => string) =>
  Object.entries(changes).map(([column, value]) => `${column} = ${param(columnValue(column, value))}`);

/** A referral as a statement wrote it, with the emails and webhook deliveries it wrote beside it, to queue once committed. */
export type WrittenReferral = ReferralRow & OutboxAnswer & { webhook_delivery_ids: string[] };

/** A move's write: its changes, its history entry and what it tells whom. */
export interface MoveWrite {
  id: string;
  changes: ReferralChanges;
  /** False for what only the system keeps (when a reminder went out): no new version, updated_at as it was. */
  newVersion: boolean;
  now: Date;
  event: NewEvent | null;
  actorId: string | null;
  emails: readonly OutboxItem[];
  /** The move changes what its provider's statistics count: file them as due for the worker. */
  providerStatsDue: boolean;
  /** The request's audit entry, written with the move (AuditedChange), or none. */
  audit: AuditEntryRecord | null;
}

export interface NewEvent {
  referralId: string;
  type: ReferralEventType;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  actorId: string | null;
  reason?: string | null;
  data?: unknown;
  at: Date;
}

/** The columns of a history entry the API shows. */
type EventRow = Pick<
  TableRow<'referral_events', { type: ReferralEventType; from_status: ReferralStatus | null; to_status: ReferralStatus }>,
  'id' | 'referral_id' | 'type' | 'from_status' | 'to_status' | 'actor_id' | 'reason' | 'at'
>;

/**
 * All SQL on referrals. Reads take the actor and filter by `visibilityCondition`, so tenancy
 * is enforced by the query itself. Writes take the transaction's EntityManager.
 */
@Injectable()
export class ReferralRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findVisible(actor: Actor, id: string, manager: EntityManager = this.db.manager): Promise<ReferralRow | null> {
    const { values, param } = sqlParams([id]);
    const rows: ReferralRow[] = await manager.query(
      `SELECT r.* FROM referrals r WHERE r.id = $1 AND ${visibilityCondition(actor, param)}`,
      values,
    );
    return rows[0] ?? null;
  }

  async findVisibleByReference(actor: Actor, reference: string): Promise<ReferralRow | null> {
    const { values, param } = sqlParams([reference]);
    const rows: ReferralRow[] = await this.db.query(
      `SELECT r.* FROM referrals r WHERE r.reference = $1 AND ${visibilityCondition(actor, param)}`,
      values,
    );
    return rows[0] ?? null;
  }

  async findVisibleByIds(actor: Actor, ids: readonly string[]): Promise<ReferralRow[]> {
    const { values, param } = sqlParams([ids]);
    return this.db.query(`SELECT r.* FROM referrals r WHERE r.id = ANY($1::uuid[]) AND ${visibilityCondition(actor, param)}`, values);
  }

  /** The referrals made onward from each of these episodes that the actor may see, oldest first. */
  async findVisibleOnwardFrom(actor: Actor, episodeIds: readonly string[]): Promise<ReferralRow[]> {
    const { values, param } = sqlParams([episodeIds]);
    return this.db.query(
      `SELECT r.* FROM referrals r WHERE r.onward_from_id = ANY($1::uuid[]) AND ${visibilityCondition(actor, param)} ORDER BY r.created_at, r.id`,
      values,
    );
  }

  /** Locks the referral for the rest of the transaction, whoever may see it: for the system's own moves. */
  async lock(manager: EntityManager, id: string): Promise<ReferralRow | null> {
    const rows: ReferralRow[] = await manager.query('SELECT * FROM referrals WHERE id = $1 FOR UPDATE', [id]);
    return rows[0] ?? null;
  }

  /**
   * Locks the referral for the rest of the transaction, for a move by the actor: one they can
   * see, or an open referral they are a candidate for (`pool_candidate` says which). Null when
   * neither. Concurrent claims queue on this lock; each re-reads the row once it is their turn.
   */
  async lockForMove(manager: EntityManager, actor: Actor, id: string): Promise<ReferralRow | null> {
    const { values, param } = sqlParams([id]);
    const asCandidate = actor.providerId !== null && !isPlatformAdmin(actor);
    // The candidate's own providers row (none for anyone else); a null condition is false.
    const join = asCandidate ? `LEFT JOIN providers candidate ON candidate.id = ${param(actor.providerId)}` : '';
    const candidate = asCandidate ? `COALESCE(${poolCandidateCondition(actor.userId, param)}, FALSE)` : 'FALSE';
    const rows: ReferralRow[] = await manager.query(
      `SELECT r.*, ${candidate} AS pool_candidate FROM referrals r ${join}
        WHERE r.id = $1 AND (${visibilityCondition(actor, param)} OR ${candidate}) FOR UPDATE OF r`,
      values,
    );
    return rows[0] ?? null;
  }

  /** Records that the provider passed on the open referral (and may not claim it any more). */
  async recordPass(manager: EntityManager, referralId: string, providerId: string, declineReason: string, at: Date): Promise<void> {
    await manager.query(
      'INSERT INTO referral_passes (referral_id, provider_id, decline_reason, at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [referralId, providerId, declineReason, at],
    );
  }

  /**
   * Inserts the referral with its opening history (CREATED, and SENT when it starts sent), its
   * emails and its webhook events in one statement: atomic without a transaction of its own, and
   * one round trip. Returns null, writing nothing, when the user already used the idempotency key
   * or (rarely) the reference is taken.
   */
  async insert(
    manager: EntityManager,
    referral: NewReferral,
    actorId: string,
    now: Date,
    audit: AuditedChange | null = null,
  ): Promise<WrittenReferral | null> {
    const sending = referral.status === ReferralStatus.SENT;
    const id = randomUUID();
    const columns: Partial<Record<keyof ReferralRow, unknown>> = {
      ...referral,
      id,
      version: 1,
      created_at: now,
      updated_at: now,
      // A referral that starts sent starts the first run of its response clock.
      clock_seq: sending ? 1 : 0,
    };
    const { values, param } = sqlParams();
    const names = Object.keys(columns);
    const placeholders = names.map((column) => param(columnValue(column, columns[column as keyof ReferralRow])));
    const [actor, at] = [param(actorId), param(now)];
    const opening = sending ? [ReferralEventType.CREATED, ReferralEventType.SENT] : [ReferralEventType.CREATED];
    const webhooks = referralWebhookCtes('inserted', opening, now, param);
    const ctes = [
      `inserted AS (
         INSERT INTO referrals (${names.join(', ')}) VALUES (${placeholders.join(', ')})
         ON CONFLICT DO NOTHING RETURNING *)`,
      `history AS (
         INSERT INTO referral_events (id, referral_id, type, from_status, to_status, actor_id, at)
         SELECT gen_random_uuid(), inserted.id, step.type, step.from_status, step.to_status, ${actor}, ${at}
           FROM inserted, (VALUES (1, 'CREATED', NULL, 'DRAFT'), (2, 'SENT', 'DRAFT', 'SENT')) AS step (n, type, from_status, to_status)
          WHERE step.n = 1 OR inserted.status = 'SENT'
          ORDER BY step.n)`,
      webhooks.ctes,
      audit ? auditEntryCte('inserted', audit.entryFor([{ ...referral, id }]), param) : '',
    ];
    const emails = sending ? notificationsFor(ReferralEventType.SENT, ReferralStatus.DRAFT) : [];
    const returning = `inserted.*, ${webhooks.deliveryIds} AS webhook_delivery_ids`;
    const statement = outboxStatement({ ctes: ctes.filter(Boolean).join(',\n       '), source: 'inserted', values, returning }, actorId, emails);
    const rows: WrittenReferral[] = await manager.query(statement.sql, statement.values);
    return rows[0] ?? null;
  }

  /**
   * A move's whole write in one statement: the row's changes (and a new version), its history
   * entry, its emails and its webhook events, each written from the row as changed. The caller
   * holds the row's lock, so the update always finds it.
   */
  async writeMove(manager: EntityManager, move: MoveWrite): Promise<WrittenReferral> {
    const { values, param } = sqlParams([move.id]);
    const sets = assignments(move.changes, param);
    if (move.newVersion) sets.push('version = version + 1', `updated_at = ${param(move.now)}`);
    const ctes = [`updated AS (UPDATE referrals SET ${sets.length > 0 ? sets.join(', ') : 'version = version'} WHERE id = $1 RETURNING *)`];
    const event = move.event;
    if (event) {
      ctes.push(`history AS (
         INSERT INTO referral_events (id, referral_id, type, from_status, to_status, actor_id, reason, data, at)
         SELECT gen_random_uuid(), updated.id, ${[event.type, event.fromStatus, event.toStatus, event.actorId, event.reason ?? null, event.data === undefined ? null : JSON.stringify(event.data), event.at].map(param).join(', ')}
           FROM updated)`);
    }
    if (move.providerStatsDue) ctes.push(providerStatsDueCte('updated'));
    if (move.audit) ctes.push(auditEntryCte('updated', move.audit, param));
    const webhooks = referralWebhookCtes('updated', event ? [event.type] : [], move.now, param);
    if (webhooks.ctes) ctes.push(webhooks.ctes);
    const returning = `updated.*, ${webhooks.deliveryIds} AS webhook_delivery_ids`;
    const statement = outboxStatement({ ctes: ctes.join(',\n       '), source: 'updated', values, returning }, move.actorId, move.emails);
    const [row]: WrittenReferral[] = await manager.query(statement.sql, statement.values);
    return row;
  }

  async findByIdempotencyKey(manager: EntityManager, userId: string, key: string): Promise<ReferralRow | null> {
    const rows: ReferralRow[] = await manager.query(
      'SELECT * FROM referrals WHERE referring_user_id = $1 AND idempotency_key = $2',
      [userId, key],
    );
    return rows[0] ?? null;
  }

  async appendEvents(manager: EntityManager, events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    const { values, param } = sqlParams();
    const tuples = events.map(
      (event) =>
        `(${[
          param(randomUUID()),
          param(event.referralId),
          param(event.type),
          param(event.fromStatus),
          param(event.toStatus),
          param(event.actorId),
          param(event.reason ?? null),
          param(event.data === undefined ? null : JSON.stringify(event.data)),
          param(event.at),
        ].join(', ')})`,
    );
    await manager.query(
      `INSERT INTO referral_events (id, referral_id, type, from_status, to_status, actor_id, reason, data, at) VALUES ${tuples.join(', ')}`,
      values,
    );
  }

  /** History of several referrals at once, oldest first within each. */
  async eventsFor(referralIds: readonly string[]): Promise<Map<string, ReferralEvent[]>> {
    const rows: EventRow[] = await this.db.query(
      `SELECT id, referral_id, type, from_status, to_status, actor_id, reason, at
         FROM referral_events WHERE referral_id = ANY($1::uuid[]) ORDER BY referral_id, seq`,
      [referralIds],
    );
    const byReferral = new Map<string, ReferralEvent[]>(referralIds.map((id) => [id, []]));
    for (const row of rows) {
      byReferral.get(row.referral_id)?.push({
        id: row.id,
        type: row.type,
        fromStatus: row.from_status,
        toStatus: row.to_status,
        actorId: row.actor_id,
        reason: row.reason,
        at: row.at,
      });
    }
    return byReferral;
  }

  /**
   * One page of the actor's referrals, newest first. Each direction is a single index range
   * scan ((tenant column, created_at, id)); without a direction the two ranges are merged, so
   * no list ever scans or sorts the whole table. A search starts from its own indexes instead
   * (the reference, the patients' names) when they narrow it more than the tenant's range does.
   */
  list(actor: Actor, filter: ReferralFilter, page: PageRequest) {
    const { values, param } = sqlParams();
    const extra: string[] = [];
    if (filter.status?.length) extra.push(`r.status = ANY(${param(filter.status)}::text[])`);
    if (filter.patientId) extra.push(`r.patient_id = ${param(filter.patientId)}`);
    if (filter.modality) extra.push(`r.modality = ${param(filter.modality)}`);
    if (filter.priority) extra.push(`r.priority = ${param(filter.priority)}`);
    if (typeof filter.search === 'string') {
      // Input validation refuses such a search first; this keeps a caller that skipped it from searching for nothing.
      const search = referralSearchOf(filter.search);
      if (!search) throw badInput('filter.search', 'filter.search must be the start of a reference or of a name');
      extra.push(searchCondition(actor, search, param));
    }
    if (typeof filter.needsAction === 'boolean') extra.push(needsActionFilter(actor, filter.needsAction, param));

    const branches =
      filter.direction === ReferralDirection.INBOUND
        ? [inboundCondition(actor, param)]
        : filter.direction === ReferralDirection.OUTBOUND
          ? [outboundCondition(actor, param)]
          : isPlatformAdmin(actor)
            ? ['TRUE']
            : [outboundCondition(actor, param), inboundCondition(actor, param)];
    const filterSql = extra.map((condition) => ` AND ${condition}`).join('');
    const countSql = `SELECT count(*) AS total FROM referrals r WHERE (${branches.map((b) => `(${b})`).join(' OR ')})${filterSql}`;
    const count = lazyCount(this.db, countSql, [...values]);

    const keyset = page.after ? ` AND (r.created_at, r.id) < (${param(page.after.createdAt)}, ${param(page.after.id)})` : '';
    const limit = param(page.limit + 1);
    const pageSql = branches
      .map((branch) => `(SELECT r.id, r.created_at FROM referrals r WHERE (${branch})${filterSql}${keyset}
                         ORDER BY r.created_at DESC, r.id DESC LIMIT ${limit})`)
      .join(' UNION ');
    const rows = this.db.query<ReferralRow[]>(
      `SELECT r.* FROM (${pageSql}) page JOIN referrals r ON r.id = page.id ORDER BY r.created_at DESC, r.id DESC LIMIT ${limit}`,
      values,
    );
    return { rows, count };
  }
}
