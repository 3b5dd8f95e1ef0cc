import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor, Audit, AuditTrail, connectionType, CurrentActor, PageArgs, pageRequest, toConnection, type Connection } from '@referloop/common';
import { OpenReferralSummary } from './open-referral.model';
import { OpenReferralsRepository } from './open-referrals.repository';

export const OpenReferralConnection = connectionType(OpenReferralSummary, 'OpenReferral');

@Resolver(() => OpenReferralSummary)
export class OpenReferralsResolver {
  constructor(private readonly repository: OpenReferralsRepository) {}

  @Query(() => OpenReferralConnection, {
    description:
      'Open referrals you may claim as a provider (your modality, you accept new patients, you are inside the radius, you have not passed), newest first. Empty for anyone who is not a provider.',
  })
  async openReferrals(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args({ type: () => PageArgs }) args: PageArgs): Promise<Connection<OpenReferralSummary>> {
    const page = pageRequest(args);
    if (actor.providerId === null) return toConnection([], page, () => Promise.resolve(0), (row: OpenReferralSummary & { createdAt: Date }) => row);
    const { rows, count } = this.repository.list(actor.providerId, actor.userId, page);
    return toConnection(await rows, page, count, (row) => {
      // What was shown is on the record; no patient was.
      audit.touchReferral(row.id);
      return row;
    });
  }
}
