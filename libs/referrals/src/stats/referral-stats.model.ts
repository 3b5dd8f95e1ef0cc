import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DateTime } from '@referloop/common';
import { ReferralStatus } from '@referloop/lifecycle';

@ObjectType()
export class StatusCount {
  @Field(() => ReferralStatus)
  status!: ReferralStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Median and 90th percentile of a duration, in hours; null when nothing was measured.' })
export class DurationPercentiles {
  @Field(() => Float, { nullable: true })
  median!: number | null;

  @Field(() => Float, { nullable: true })
  p90!: number | null;

  @Field(() => Int, { description: 'How many referrals were measured.' })
  measured!: number;
}

@ObjectType({
  description:
    'How referrals sent in a period fared. Rates are shares from 0 to 1, null when there is nothing to divide by. A referral counts in the period it was sent in, with everything that has happened to it since.',
})
export class ReferralStats {
  @Field(() => DateTime)
  from!: Date;

  @Field(() => DateTime)
  to!: Date;

  @Field(() => Int, { description: 'Referrals sent in the period (drafts are not counted).' })
  total!: number;

  @Field(() => [StatusCount], { description: 'Each status a sent referral can have, with how many are in it now (zeros included).' })
  byStatus!: StatusCount[];

  @Field(() => Int, { description: 'Accepted at some point (claims of open referrals included), whatever happened after.' })
  accepted!: number;

  @Field(() => Int)
  declined!: number;

  @Field(() => Int)
  expired!: number;

  @Field(() => Float, { nullable: true, description: 'accepted / (accepted + declined + expired): of the referrals that got an answer or ran out of time, the share accepted.' })
  acceptanceRate!: number | null;

  @Field(() => DurationPercentiles, { description: 'From sending to acceptance (time on hold included).' })
  timeToAcceptHours!: DurationPercentiles;

  @Field(() => DurationPercentiles, { description: 'From sending to the first attended visit (or to the start of treatment when no visit was recorded).' })
  timeToFirstVisitHours!: DurationPercentiles;

  @Field(() => Int)
  completed!: number;

  @Field(() => Float, { nullable: true, description: 'completed / accepted.' })
  completionRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean of the outcomes’ visits used, over completed referrals.' })
  meanVisitsUsed!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Mean visits planned over the completed referrals that had a budget (the plan's, else the referral's recommended visits).",
  })
  meanVisitsPlanned!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of completed referrals whose outcome reports the goals MET.' })
  goalsMetShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of the short-term goals reported on in outcomes that were MET.' })
  shortTermGoalsMetShare!: number | null;

  @Field(() => Int, { description: 'Declined or expired and never redirected: patients the network lost.' })
  leaked!: number;

  @Field(() => Float, { nullable: true, description: 'leaked / total.' })
  leakageRate!: number | null;

  @Field(() => Int, { description: 'Completed referrals whose outcome the referrer acknowledged.' })
  loopsClosed!: number;

  @Field(() => Float, { nullable: true, description: 'loopsClosed / completed.' })
  loopClosedRate!: number | null;
}
