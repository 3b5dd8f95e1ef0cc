import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Loaders, Technique } from '@referloop/common';
import { visibleByReferral } from './episode-rows';
import { ShortTermGoal, TreatmentPlan } from './treatment-plan.model';
import type { TableRow } from '@referloop/database';

type PlanRow = TableRow<'treatment_plans', { short_term_goals: ShortTermGoal[]; techniques: Technique[] }>;

const toPlan = (row: PlanRow): TreatmentPlan => ({
  referralId: row.referral_id,
  version: row.version,
  longTermGoal: row.long_term_goal,
  shortTermGoals: row.short_term_goals,
  plannedVisits: row.planned_visits,
  visitsPerWeek: row.visits_per_week,
  techniques: row.techniques,
  setByUserId: row.set_by_user_id,
  setAt: row.set_at,
});

export type NewPlan = Omit<TreatmentPlan, 'version' | 'setAt' | 'referralId' | 'setByUserId'>;

/**
 * Plans belong to a referral: written and read under the referral's lock inside its move, or
 * read by referral id for a caller, only where that caller may see the referral.
 */
@Injectable()
export class TreatmentPlanRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The latest version, under the caller's lock of the referral row. */
  async currentVersion(manager: EntityManager, referralId: string): Promise<number> {
    const rows: { version: number | null }[] = await manager.query('SELECT max(version) AS version FROM treatment_plans WHERE referral_id = $1', [
      referralId,
    ]);
    return rows[0]?.version ?? 0;
  }

  /** The latest version, read under the caller's lock of the referral row; null before the first. */
  async current(manager: EntityManager, referralId: string): Promise<TreatmentPlan | null> {
    const rows: PlanRow[] = await manager.query('SELECT * FROM treatment_plans WHERE referral_id = $1 ORDER BY version DESC LIMIT 1', [referralId]);
    return rows[0] ? toPlan(rows[0]) : null;
  }

  async insert(manager: EntityManager, referralId: string, version: number, plan: NewPlan, userId: string, at: Date): Promise<TreatmentPlan> {
    const rows: PlanRow[] = await manager.query(
      `INSERT INTO treatment_plans (id, referral_id, version, long_term_goal, short_term_goals, planned_visits, visits_per_week, techniques, set_by_user_id, set_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [randomUUID(), referralId, version, plan.longTermGoal, JSON.stringify(plan.shortTermGoals), plan.plannedVisits, plan.visitsPerWeek, plan.techniques, userId, at],
    );
    return toPlan(rows[0]);
  }

  /** Every version of each referral's plan that the actor may see, oldest first. */
  historyOf(actor: Actor, referralIds: readonly string[]): Promise<Map<string, TreatmentPlan[]>> {
    return visibleByReferral(this.db, actor, 'treatment_plans', referralIds, toPlan);
  }
}

/** Each request's one batch of plan histories, shared by every field that needs them. */
export const planHistoryLoader = (loaders: Loaders, plans: TreatmentPlanRepository, actor: Actor) =>
  loaders.get<string, TreatmentPlan[]>('treatmentPlans', (ids) => plans.historyOf(actor, ids));
