import { Client } from 'pg';
import { backdateReferral } from './backdate';
import { GraphqlClient, GraphqlResponse } from './graphql-client';
import { rangeOfMotionFinding } from './fixtures';
import { ReachableState, referralIn, World } from './world';

import { Progress, PROGRESS_FIELDS, RECORD_VISIT, REPORT_FIELDS, SET_PLAN } from './episode-operations';

/** GraphQL reads and database reads shared by the episode report and outcome reminder tests. */
export const EPISODE = `query episode($id: ID!) {
  referral(id: $id) {
    status version
    progress { ${PROGRESS_FIELDS} }
    reports { ${REPORT_FIELDS} }
  }
}`;

export interface Report {
  id: string;
  number: number;
  trigger: 'EVERY_N_VISITS' | 'ON_DEMAND';
  comments: string | null;
  writtenAt: string;
  writtenBy: { id: string };
  progress: Progress;
}

export interface Episode {
  status: string;
  version: number;
  progress: Progress;
  reports: Report[];
}

export async function readEpisode(client: GraphqlClient, id: string): Promise<Episode> {
  return (await client.ok<{ referral: Episode }>(EPISODE, { id })).referral;
}

/** A plan of three short-term goals over six visits, set by `provider`. */
export function setPlan(provider: GraphqlClient, referralId: string): Promise<unknown> {
  return provider.ok(SET_PLAN, {
    input: {
      referralId,
      longTermGoal: 'Full pain-free overhead reach',
      shortTermGoals: [
        { description: 'Flexion to 140°', targetVisit: 2 },
        { description: 'Pain at most 3/10', targetVisit: 4 },
        { description: 'Flexion to 170°', targetVisit: 6 },
      ],
      plannedVisits: 6,
      visitsPerWeek: 1,
    },
  });
}

const HOUR = 3_600_000;

/** How long before now `episodeIn` sends its referral: before any visit these tests record (at most 50 hours ago). */
const EPISODE_SENT_DAYS_AGO = 3;

/**
 * A fresh referral driven to `state` (see referralIn), then moved back to have been sent
 * EPISODE_SENT_DAYS_AGO days ago: a visit may not be dated before its referral was sent, and
 * these tests record visits up to that many days in the past.
 */
export async function episodeIn(world: World, db: Client, state: ReachableState): Promise<string> {
  const { id } = await referralIn(world, state);
  await backdateReferral(db, id, EPISODE_SENT_DAYS_AGO);
  return id;
}

/**
 * Records a visit `hoursAgo` in the past: attended ones measure left shoulder flexion at
 * `degrees` and score pain; missed ones carry nothing but the fact.
 */
export function recordVisit(
  provider: GraphqlClient,
  referralId: string,
  visit: { attended: boolean; hoursAgo: number; degrees?: number; painScore?: number; shortTermGoalsMet?: number[] },
): Promise<GraphqlResponse<{ recordVisit: { id: string; number: number; attended: boolean } }>> {
  const at = new Date(Date.now() - visit.hoursAgo * HOUR).toISOString();
  const input: Record<string, unknown> = visit.attended
    ? {
        referralId,
        at,
        attended: true,
        techniquesUsed: ['STRENGTHENING_EXERCISE'],
        rangeOfMotion: [rangeOfMotionFinding({ measuredDegrees: visit.degrees ?? 120, painScore: visit.painScore ?? 4 })],
        painScore: visit.painScore ?? 4,
        shortTermGoalsMet: visit.shortTermGoalsMet ?? [],
      }
    : { referralId, at, attended: false, techniquesUsed: [] };
  return provider.request(RECORD_VISIT, { input });
}

export interface Notification {
  id: string;
  recipient_kind: string;
  template: string;
  recipient_email: string | null;
}

/** A referral's notification rows in the order they were written. */
export async function notificationsOf(db: Client, referralId: string): Promise<Notification[]> {
  const { rows } = await db.query<Notification>(
    'SELECT id, recipient_kind, template, recipient_email FROM notifications WHERE referral_id = $1 ORDER BY created_at, id',
    [referralId],
  );
  return rows;
}

export interface HistoryEntry {
  type: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  data: Record<string, unknown> | null;
}

/** A referral's history as stored, oldest first. */
export async function historyOf(db: Client, referralId: string): Promise<HistoryEntry[]> {
  const { rows } = await db.query<HistoryEntry>(
    'SELECT type, from_status, to_status, actor_id, data FROM referral_events WHERE referral_id = $1 ORDER BY seq',
    [referralId],
  );
  return rows;
}

/** What `step` added to a referral's notifications, as (recipient kind, template) pairs. */
export async function notificationsWrittenBy(db: Client, referralId: string, step: () => Promise<unknown>): Promise<Array<[string, string]>> {
  const before = new Set((await notificationsOf(db, referralId)).map((row) => row.id));
  await step();
  return (await notificationsOf(db, referralId)).filter((row) => !before.has(row.id)).map((row) => [row.recipient_kind, row.template]);
}
