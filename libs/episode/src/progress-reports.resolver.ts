import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Audit, AuditTrail, CurrentActor, Loaders, RequestLoaders } from '@referloop/common';
import { User, UserRepository } from '@referloop/auth';
import { auditSeen, Referral, userLoader } from '@referloop/referrals';
import { ProgressReport } from './progress-report.model';
import { SendProgressReportInput } from './progress-report.input';
import { ProgressReportRepository, reportsLoader } from './progress-report.repository';
import { ProgressReports } from './progress-reports.service';

@Resolver(() => ProgressReport)
export class ProgressReportsResolver {
  constructor(
    private readonly reports: ProgressReports,
    private readonly users: UserRepository,
  ) {}

  @Mutation(() => ProgressReport, {
    description: 'Writes a progress report of the episode now and sends it to the referrer. The treating provider only, during treatment.',
  })
  async sendProgressReport(
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
    @Args('input', { type: () => SendProgressReportInput }) input: SendProgressReportInput,
  ): Promise<ProgressReport> {
    const { report, referral } = await this.reports.send(actor, input, audit);
    auditSeen(audit, referral);
    return report;
  }

  @ResolveField(() => User, { description: 'The treating provider who wrote it (or whose visit made it due).' })
  async writtenBy(@Parent() report: ProgressReport, @RequestLoaders() loaders: Loaders): Promise<User> {
    return (await userLoader(loaders, this.users).load(report.writtenByUserId)) as User;
  }
}

/** Reports on the referral: both sides read them, the referrer above all. */
@Resolver(() => Referral)
export class ReferralProgressReportsResolver {
  constructor(private readonly repository: ProgressReportRepository) {}

  @ResolveField(() => [ProgressReport], { description: 'Progress reports sent to the referrer, oldest first.' })
  async reports(@Parent() referral: Referral, @CurrentActor() actor: Actor, @RequestLoaders() loaders: Loaders): Promise<ProgressReport[]> {
    return (await reportsLoader(loaders, this.repository, actor).load(referral.id)) ?? [];
  }
}
