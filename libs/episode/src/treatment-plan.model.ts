import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTime, Technique } from '@referloop/common';

@ObjectType()
export class ShortTermGoal {
  @Field(() => String)
  description!: string;

  @Field(() => Int)
  targetVisit!: number;

  @Field(() => String, { nullable: true })
  measure!: string | null;
}

/** One version of the receiving provider's plan for the episode. */
@ObjectType()
export class TreatmentPlan {
  @Field(() => Int, { description: '1 for the first plan, one more for each change.' })
  version!: number;

  @Field(() => String)
  longTermGoal!: string;

  @Field(() => [ShortTermGoal])
  shortTermGoals!: ShortTermGoal[];

  @Field(() => Int)
  plannedVisits!: number;

  @Field(() => Int)
  visitsPerWeek!: number;

  @Field(() => [Technique])
  techniques!: Technique[];

  @Field(() => DateTime)
  setAt!: Date;

  /** Resolved to `setBy` (a User). */
  setByUserId!: string;
  referralId!: string;
}
