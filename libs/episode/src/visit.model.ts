import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTime, Technique } from '@referloop/common';
import { RangeOfMotionFinding } from '@referloop/referrals';

@ObjectType()
export class Visit {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '1, 2, … in the order recorded, missed visits included.' })
  number!: number;

  @Field(() => DateTime)
  at!: Date;

  @Field(() => Boolean)
  attended!: boolean;

  @Field(() => [Technique])
  techniquesUsed!: Technique[];

  @Field(() => [RangeOfMotionFinding])
  rangeOfMotion!: RangeOfMotionFinding[];

  @Field(() => Int, { nullable: true })
  painScore!: number | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => [Int], { description: 'Short-term goals met, by position in the plan version below.' })
  shortTermGoalsMet!: number[];

  @Field(() => Int, { nullable: true, description: 'The plan version current when the visit was recorded.' })
  planVersion!: number | null;

  @Field(() => Boolean, { description: "An attended visit beyond the plan's budget (or the referral's recommended visits): allowed, but flagged." })
  overBudget!: boolean;

  @Field(() => DateTime)
  recordedAt!: Date;
}
