import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { GraphqlClient } from './graphql-client';
import { REFERRAL_STATS } from './operations';

/**
 * Database touches for the referral statistics fixture. The API builds each
 * referral's history; the database moves the instants the figures are measured from into the
 * past (its sending first, before any step dated against it), because "how long did it take" is
 * a fact about the past that a test cannot wait for.
 */
export interface Percentiles {
  median: number | null;
  p90: number | null;
  measured: number;
}

export interface ReferralStats {
  from: string;
  to: string;
  total: number;
  byStatus: Array<{ status: string; count: number }>;
  accepted: number;
  declined: number;
  expired: number;
  acceptanceRate: number | null;
  timeToAcceptHours: Percentiles;
  timeToFirstVisitHours: Percentiles;
  completed: number;
  completionRate: number | null;
  meanVisitsUsed: number | null;
  meanVisitsPlanned: number | null;
  goalsMetShare: number | null;
  shortTermGoalsMetShare: number | null;
  leaked: number;
  leakageRate: number | null;
  loopsClosed: number;
  loopClosedRate: number | null;
}

/** Every status a sent referral can have, in the contract's order, with how many are in it. */
export type StatusCounts = Partial<Record<'SENT' | 'ON_HOLD' | 'ACCEPTED' | 'DECLINED' | 'SCHEDULED' | 'IN_TREATMENT' | 'COMPLETED' | 'CANCELLED' | 'EXPIRED', number>>;

export function byStatus(counts: StatusCounts): Array<{ status: string; count: number }> {
  const order = ['SENT', 'ON_HOLD', 'ACCEPTED', 'DECLINED', 'SCHEDULED', 'IN_TREATMENT', 'COMPLETED', 'CANCELLED', 'EXPIRED'] as const;
  return order.map((status) => ({ status, count: counts[status] ?? 0 }));
}

export async function referralStats(client: GraphqlClient, input: Record<string, unknown>): Promise<ReferralStats> {
  return (await client.ok<{ referralStats: ReferralStats }>(REFERRAL_STATS, { input })).referralStats;
}

/**
 * A fraction or an interpolated duration as the stats return it (floating point), compared the
 * way `toBeCloseTo` does, inside a whole-object `toEqual`.
 */
export const about = (value: number): number => expect.closeTo(value, 9) as number;

/** What a period with no referrals in it looks like: counts zero, every rate and duration null. */
export function emptyStats(from: string, to: string): ReferralStats {
  return {
    from,
    to,
    total: 0,
    byStatus: byStatus({}),
    accepted: 0,
    declined: 0,
    expired: 0,
    acceptanceRate: null,
    timeToAcceptHours: { median: null, p90: null, measured: 0 },
    timeToFirstVisitHours: { median: null, p90: null, measured: 0 },
    completed: 0,
    completionRate: null,
    meanVisitsUsed: null,
    meanVisitsPlanned: null,
    goalsMetShare: null,
    shortTermGoalsMetShare: null,
    leaked: 0,
    leakageRate: null,
    loopsClosed: 0,
    loopClosedRate: null,
  };
}

async function updateOne(db: Client, sql: string, values: unknown[]): Promise<void> {
  const { rowCount } = await db.query(sql, values);
  if (rowCount !== 1) throw new Error(`Expected to change one row, changed ${rowCount}: ${sql}`);
}

/**
 * Dates a referral's sending. Set it as soon as the referral is sent: a visit may not be dated
 * before its referral was sent, so the visits recorded afterwards are checked against this date.
 */
export const setSentAt = (db: Client, referralId: string, at: Date) =>
  updateOne(db, 'UPDATE referrals SET sent_at = $2 WHERE id = $1', [referralId, at]);

export const setTreatmentStartedAt = (db: Client, referralId: string, at: Date) =>
  updateOne(db, 'UPDATE referrals SET treatment_started_at = $2 WHERE id = $1 AND treatment_started_at IS NOT NULL', [referralId, at]);

/**
 * Moves the referral's one acceptance to `at`. History is append-only (a trigger refuses every
 * UPDATE), so the rewrite runs with user triggers off for this one transaction only: the guard is
 * back for everything after it.
 */
export async function setAcceptedAt(db: Client, referralId: string, at: Date): Promise<void> {
  await db.query('BEGIN');
  try {
    await db.query('SET LOCAL session_replication_role = replica');
    await updateOne(db, `UPDATE referral_events SET at = $2 WHERE referral_id = $1 AND type = 'ACCEPTED'`, [referralId, at]);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

/**
 * What the response clock does to a SENT referral nobody answered in time: status EXPIRED and an
 * EXPIRED history entry by no one. Written directly so the fixture needs no worker or waiting.
 */
export async function expire(db: Client, referralId: string, at: Date): Promise<void> {
  await updateOne(db, `UPDATE referrals SET status = 'EXPIRED', version = version + 1, updated_at = $2 WHERE id = $1 AND status = 'SENT'`, [referralId, at]);
  await db.query(
    `INSERT INTO referral_events (id, referral_id, type, from_status, to_status, actor_id, at) VALUES ($1, $2, 'EXPIRED', 'SENT', 'EXPIRED', NULL, $3)`,
    [randomUUID(), referralId, at],
  );
}
