import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Loaders, Technique } from '@referloop/common';
import { visibleByReferral } from './episode-rows';
import { RangeOfMotionFinding } from '@referloop/referrals';
import { Visit } from './visit.model';
import type { TableRow } from '@referloop/database';

type VisitRow = TableRow<'visits', { techniques_used: Technique[]; range_of_motion: RangeOfMotionFinding[] }>;

const toVisit = (row: VisitRow): Visit => ({
  id: row.id,
  number: row.number,
  at: row.at,
  attended: row.attended,
  techniquesUsed: row.techniques_used,
  rangeOfMotion: row.range_of_motion,
  painScore: row.pain_score,
  notes: row.notes,
  shortTermGoalsMet: row.short_term_goals_met,
  planVersion: row.plan_version,
  overBudget: row.over_budget,
  recordedAt: row.recorded_at,
});

export type NewVisit = Omit<Visit, 'id' | 'number' | 'overBudget' | 'recordedAt'> & { budget: number | null };

/** Visits belong to a referral: read under its lock inside a move, or by referral id only where the caller may see it. */
@Injectable()
export class VisitRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Appends a visit under the caller's lock of the referral: numbered after the ones before it,
   * and flagged when it is an attended visit beyond `budget`.
   */
  async insert(manager: EntityManager, referralId: string, visit: NewVisit, userId: string, at: Date): Promise<Visit> {
    const rows: VisitRow[] = await manager.query(
      `WITH before AS (
         SELECT count(*)::int AS visits, (count(*) FILTER (WHERE attended))::int AS attended FROM visits WHERE referral_id = $2
       )
       INSERT INTO visits (id, referral_id, number, at, attended, techniques_used, range_of_motion, pain_score, notes,
                           short_term_goals_met, plan_version, over_budget, recorded_by_user_id, recorded_at)
       SELECT $1, $2, before.visits + 1, $3, $4, $5, $6, $7, $8, $9, $10,
              $4 AND $11::int IS NOT NULL AND before.attended + 1 > $11::int, $12, $13
         FROM before
       RETURNING *`,
      [
        randomUUID(),
        referralId,
        visit.at,
        visit.attended,
        visit.techniquesUsed,
        JSON.stringify(visit.rangeOfMotion),
        visit.painScore,
        visit.notes,
        visit.shortTermGoalsMet,
        visit.planVersion,
        visit.budget,
        userId,
        at,
      ],
    );
    return toVisit(rows[0]);
  }

  /** How many visits of the referral were attended and missed, read under the caller's lock. */
  async tally(manager: EntityManager, referralId: string): Promise<{ attended: number; missed: number }> {
    const rows: { attended: number; missed: number }[] = await manager.query(
      'SELECT (count(*) FILTER (WHERE attended))::int AS attended, (count(*) FILTER (WHERE NOT attended))::int AS missed FROM visits WHERE referral_id = $1',
      [referralId],
    );
    return rows[0];
  }

  /** The visits of a referral the caller holds locked (its move already checked who may act), in order. */
  async ofLocked(manager: EntityManager, referralId: string): Promise<Visit[]> {
    const rows: VisitRow[] = await manager.query('SELECT * FROM visits WHERE referral_id = $1 ORDER BY number', [referralId]);
    return rows.map(toVisit);
  }

  /** Each referral's visits that the actor may see, in order. */
  visibleOf(actor: Actor, referralIds: readonly string[]): Promise<Map<string, Visit[]>> {
    return visibleByReferral(this.db, actor, 'visits', referralIds, toVisit);
  }
}

/** Each request's one batch of visits, shared by every field that needs them. */
export const visitsLoader = (loaders: Loaders, visits: VisitRepository, actor: Actor) =>
  loaders.get<string, Visit[]>('visits', (ids) => visits.visibleOf(actor, ids));
