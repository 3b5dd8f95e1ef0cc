import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Condition, DateTime, Modality, ReferralPriority, Technique } from '@referloop/common';

export enum AgeBand {
  UNDER_18 = 'UNDER_18',
  AGE_18_39 = 'AGE_18_39',
  AGE_40_64 = 'AGE_40_64',
  AGE_65_PLUS = 'AGE_65_PLUS',
}

registerEnumType(AgeBand, { name: 'AgeBand' });

/**
 * An open referral as a candidate sees it before claiming it: enough to decide whether to take
 * it, nothing that identifies the patient or carries clinical text (no name, contact, date of
 * birth, reason, assessment, goals, red flags or notes). The full referral is shown only to
 * the provider who claims it. This type is the boundary: it has no field that could leak more.
 */
@ObjectType()
export class OpenReferralSummary {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  reference!: string;

  @Field(() => Int, { description: 'Pass as expectedVersion when claiming with acceptReferral.' })
  version!: number;

  @Field(() => Modality)
  modality!: Modality;

  @Field(() => [Condition])
  conditions!: Condition[];

  @Field(() => [Technique], { description: 'Techniques the referrer asked for.' })
  techniques!: Technique[];

  @Field(() => ReferralPriority)
  priority!: ReferralPriority;

  @Field(() => AgeBand, { description: "The patient's age band, never the date of birth." })
  ageBand!: AgeBand;

  @Field(() => Float, {
    description: "Great-circle kilometres from you to the centre of the pool, rounded up to a whole km (at least 1): the centre is often near the patient's home.",
  })
  distanceKm!: number;

  @Field(() => DateTime)
  sentAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'It expires unclaimed at this time.' })
  dueAt!: Date | null;
}
