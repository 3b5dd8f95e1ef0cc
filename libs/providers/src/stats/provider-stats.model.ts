import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

/** How loaded and how responsive a provider is, derived from referrals (never hand-edited). */
@ObjectType()
export class ProviderStats {
  @Field(() => Int, { description: 'Referrals ACCEPTED, SCHEDULED or IN_TREATMENT.' })
  activeEpisodes!: number;

  @Field(() => Int, { description: 'weeklyCapacity less the referrals accepted since Monday 00:00 in the clinic\'s time zone; never below 0.' })
  capacityLeftThisWeek!: number;

  @Field(() => Int, { description: 'Referrals sent in the last 90 days that were answered (accepted or declined).' })
  answeredLast90Days!: number;

  @Field(() => Float, { nullable: true, description: 'Median hours from sent to answer, last 90 days, over referrals sent to this provider (claims of open referrals left out); null without answers.' })
  medianResponseHours!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of hours from sent to answer, last 90 days.' })
  p90ResponseHours!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of answered referrals that were accepted, 0 to 1, last 90 days.' })
  acceptanceRate!: number | null;
}
