import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DateTime } from '@referloop/common';
import { BodySide } from '@referloop/referrals';

@ObjectType({ description: 'One joint movement (and side) as measured over the episode.' })
export class MeasureProgress {
  @Field(() => String)
  joint!: string;

  @Field(() => String)
  movement!: string;

  @Field(() => BodySide, { nullable: true })
  side!: BodySide | null;

  @Field(() => Float, { description: "The first measure: the referral's assessment if it has one, else the first visit's." })
  firstDegrees!: number;

  @Field(() => DateTime)
  firstAt!: Date;

  @Field(() => Float)
  latestDegrees!: number;

  @Field(() => DateTime)
  latestAt!: Date;

  @Field(() => Float, { nullable: true, description: 'The expected (normal) range, as last given.' })
  expectedDegrees!: number | null;

  @Field(() => Float, { description: 'latest − first, in degrees.' })
  changeDegrees!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of the gap between the first measure and the expected range closed since: 0 none, 1 all of it. Null without an expected range above the first measure.',
  })
  towardExpected!: number | null;
}

@ObjectType()
export class GoalProgress {
  @Field(() => Int, { description: 'Position in the current plan, from 1.' })
  position!: number;

  @Field(() => String)
  description!: string;

  @Field(() => Int)
  targetVisit!: number;

  @Field(() => Boolean)
  met!: boolean;

  @Field(() => Int, { nullable: true, description: 'The visit (its number) at which it was first recorded as met.' })
  metAtVisit!: number | null;
}

@ObjectType({ description: 'Where the episode stands: measures first → latest, pain, goals and visits.' })
export class TreatmentProgress {
  @Field(() => [MeasureProgress])
  measures!: MeasureProgress[];

  @Field(() => Int, { nullable: true, description: 'Overall pain at the first visit that scored it.' })
  firstPainScore!: number | null;

  @Field(() => Int, { nullable: true, description: 'Overall pain at the latest visit that scored it.' })
  latestPainScore!: number | null;

  @Field(() => [GoalProgress], { description: "The current plan's short-term goals, met or not." })
  goals!: GoalProgress[];

  @Field(() => Int)
  attendedVisits!: number;

  @Field(() => Int)
  missedVisits!: number;

  @Field(() => Int, { nullable: true, description: "The plan's budget, else the referral's recommended visits." })
  plannedVisits!: number | null;
}
