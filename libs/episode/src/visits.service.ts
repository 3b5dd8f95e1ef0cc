import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditTrail } from '@referloop/common';
import { APP_CONFIG, AppConfig, badInput } from '@referloop/core';
import { OutboxItem } from '@referloop/notifications';
import { notificationsFor, rangeOfMotionJson, ReferralLifecycle, ReferralRow, VISITS_MISSED } from '@referloop/referrals';
import { InternalAction, ReferralAction, ReferralEventType, ReferralStatus } from '@referloop/lifecycle';
import { ProgressReportTrigger } from './progress-report.model';
import { ProgressReports } from './progress-reports.service';
import { TreatmentPlanRepository } from './treatment-plan.repository';
import { RecordVisitInput } from './visit.input';
import { Visit } from './visit.model';
import { VisitRepository } from './visit.repository';

/** How far a visit's time may stray past this server's clock, or before the referral's sending (clocks differ a little). */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Visits of an episode, recorded by the treating provider. The first attended visit of a
 * SCHEDULED referral starts treatment — the same move as startReferralTreatment, setting
 * treatmentStartedAt — and every other visit, or a no-show, is recorded without changing the
 * status. Either way the visit, its history entry and the referral's new version commit together
 * — with what the visit makes due for the referrer: an interim report every
 * PROGRESS_REPORT_EVERY_VISITS attended visits, and word of the patient's missed visits from the
 * NO_SHOWS_BEFORE_TELLING_REFERRER-th on.
 */
@Injectable()
export class Visits {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lifecycle: ReferralLifecycle,
    private readonly reports: ProgressReports,
    private readonly plans: TreatmentPlanRepository,
    private readonly visits: VisitRepository,
  ) {}

  async record(actor: Actor, input: RecordVisitInput, audit: AuditTrail | null = null): Promise<{ visit: Visit; referral: ReferralRow }> {
    if (!(input.at instanceof Date) || input.at.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw badInput('input.at', 'at is when the visit took place, and cannot be in the future');
    }
    const startsTreatment = (row: ReferralRow) => input.attended && row.status === ReferralStatus.SCHEDULED;
    const { row, result } = await this.lifecycle.move<Visit>(
      actor,
      { id: input.referralId, expectedVersion: input.expectedVersion },
      (locked) => (startsTreatment(locked) ? ReferralAction.START_TREATMENT : InternalAction.RECORD_VISIT),
      async ({ row, manager, now }) => {
        // A visit before the referral was sent cannot belong to its episode (and would make its durations negative).
        if (row.sent_at !== null && input.at.getTime() < row.sent_at.getTime() - CLOCK_SKEW_MS) {
          throw badInput('input.at', `at cannot be before the referral was sent (${row.sent_at.toISOString()})`);
        }
        const plan = await this.plans.current(manager, row.id);
        const goals = plan?.shortTermGoals.length ?? 0;
        (input.shortTermGoalsMet ?? []).forEach((position, index) => {
          if (position > goals) {
            throw badInput(`input.shortTermGoalsMet.${index}`, plan ? `The plan has ${goals} short-term goals` : 'There is no treatment plan with short-term goals yet');
          }
        });
        const visit = await this.visits.insert(
          manager,
          row.id,
          {
            at: input.at,
            attended: input.attended,
            techniquesUsed: input.techniquesUsed ?? [],
            rangeOfMotion: rangeOfMotionJson(input.rangeOfMotion),
            painScore: input.painScore ?? null,
            notes: input.notes?.trim() || null,
            shortTermGoalsMet: input.shortTermGoalsMet ?? [],
            planVersion: plan?.version ?? null,
            budget: plan?.plannedVisits ?? row.recommended_visits,
          },
          actor.userId,
          now,
        );
        const { noShowsBeforeTellingReferrer, progressReportEveryVisits } = this.config.episode;
        const tally = await this.visits.tally(manager, row.id);
        const notifications: OutboxItem[] = [];
        let reportNumber: number | undefined;
        if (!input.attended && tally.missed >= noShowsBeforeTellingReferrer) notifications.push(...VISITS_MISSED);
        if (input.attended && progressReportEveryVisits > 0 && tally.attended % progressReportEveryVisits === 0) {
          const report = await this.reports.write(manager, row, plan, { trigger: ProgressReportTrigger.EVERY_N_VISITS, comments: null }, actor.userId, now);
          reportNumber = report.number;
          // The same emails as a report sent on demand.
          notifications.push(...notificationsFor(ReferralEventType.PROGRESS_REPORTED, row.status));
        }
        const data = { visitNumber: visit.number, overBudget: visit.overBudget, ...(reportNumber === undefined ? {} : { reportNumber }) };
        if (startsTreatment(row)) {
          return { changes: { treatment_started_at: now }, event: { type: ReferralEventType.TREATMENT_STARTED, data }, result: visit, notifications };
        }
        const type = input.attended ? ReferralEventType.VISIT_RECORDED : ReferralEventType.NO_SHOW;
        return { changes: {}, event: { type, data }, result: visit, notifications };
      },
      audit,
    );
    return { visit: result as Visit, referral: row };
  }
}
