import { Module } from '@nestjs/common';
import { AuthModule } from '@referloop/auth';
import { ReferralsCoreModule, ReferralsModule } from '@referloop/referrals';
import { EpisodeResolver } from './episode.resolver';
import { OutcomeReminders } from './outcome-reminders.service';
import { EpisodeOutcome } from './outcome.service';
import { ProgressReportRepository } from './progress-report.repository';
import { ProgressReports } from './progress-reports.service';
import { ProgressReportsResolver, ReferralProgressReportsResolver } from './progress-reports.resolver';
import { ProgressResolver } from './progress.resolver';
import { ReferOnward } from './refer-onward.service';
import { TreatmentPlanRepository } from './treatment-plan.repository';
import { TreatmentPlans } from './treatment-plans.service';
import { ReferralTreatmentPlanResolver, TreatmentPlansResolver } from './treatment-plans.resolver';
import { VisitRepository } from './visit.repository';
import { Visits } from './visits.service';
import { VisitsResolver } from './visits.resolver';

/** The outcome reminder's sweep: the worker's part of the episode. */
@Module({
  imports: [ReferralsCoreModule],
  providers: [OutcomeReminders],
  exports: [OutcomeReminders],
})
export class OutcomeRemindersModule {}

/** The treatment episode's API in the gateway: plan, visits, progress, reports, outcome, onward referral. */
@Module({
  // The reminders too, as the referral core's clock is there: an operator's script or a test may run a sweep.
  imports: [ReferralsModule, AuthModule, OutcomeRemindersModule],
  providers: [
    TreatmentPlanRepository,
    TreatmentPlans,
    TreatmentPlansResolver,
    ReferralTreatmentPlanResolver,
    VisitRepository,
    Visits,
    VisitsResolver,
    ProgressResolver,
    ProgressReportRepository,
    ProgressReports,
    ProgressReportsResolver,
    ReferralProgressReportsResolver,
    EpisodeOutcome,
    ReferOnward,
    EpisodeResolver,
  ],
  exports: [OutcomeRemindersModule],
})
export class EpisodeModule {}
