import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, AuditTrail } from '@referloop/common';
import { InternalAction, ReferralEventType } from '@referloop/lifecycle';
import { ReferralLifecycle, ReferralRow } from '@referloop/referrals';
import { progressOf } from './progress';
import { ProgressReport, ProgressReportTrigger } from './progress-report.model';
import { SendProgressReportInput } from './progress-report.input';
import { ProgressReportRepository } from './progress-report.repository';
import { TreatmentPlan } from './treatment-plan.model';
import { TreatmentPlanRepository } from './treatment-plan.repository';
import { VisitRepository } from './visit.repository';

/**
 * Interim reports to the referrer. A report is the episode's progress as it stands, computed
 * by the same function as Referral.progress and stored, so the referrer can later read what
 * they were told. The email only says that one is ready: clinical content stays in ReferLoop.
 */
@Injectable()
export class ProgressReports {
  constructor(
    private readonly lifecycle: ReferralLifecycle,
    private readonly plans: TreatmentPlanRepository,
    private readonly visits: VisitRepository,
    private readonly reports: ProgressReportRepository,
  ) {}

  /** Writes the next report of a referral the caller holds locked, with its current plan (the visit that makes it due included). */
  async write(
    manager: EntityManager,
    row: ReferralRow,
    plan: TreatmentPlan | null,
    report: { trigger: ProgressReportTrigger; comments: string | null },
    userId: string,
    now: Date,
  ): Promise<ProgressReport> {
    const visits = await this.visits.ofLocked(manager, row.id);
    const progress = progressOf({ assessment: row.assessment, assessedAt: row.created_at, plan, recommendedVisits: row.recommended_visits, visits });
    return this.reports.insert(manager, row.id, { ...report, progress }, userId, now);
  }

  async send(actor: Actor, input: SendProgressReportInput, audit: AuditTrail | null = null): Promise<{ report: ProgressReport; referral: ReferralRow }> {
    const { row, result } = await this.lifecycle.move<ProgressReport>(
      actor,
      { id: input.referralId, expectedVersion: input.expectedVersion },
      InternalAction.SEND_PROGRESS_REPORT,
      async ({ row, manager, now }) => {
        const plan = await this.plans.current(manager, row.id);
        const report = await this.write(manager, row, plan, { trigger: ProgressReportTrigger.ON_DEMAND, comments: input.comments?.trim() || null }, actor.userId, now);
        return { changes: {}, event: { type: ReferralEventType.PROGRESS_REPORTED, data: { reportNumber: report.number } }, result: report };
      },
      audit,
    );
    return { report: result as ProgressReport, referral: row };
  }
}
