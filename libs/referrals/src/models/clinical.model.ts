import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Modality } from '@referloop/common';
import { GoalAttainment } from '@referloop/lifecycle';

export enum BodySide {
  LEFT = 'LEFT',
  RIGHT = 'RIGHT',
  BILATERAL = 'BILATERAL',
}
registerEnumType(BodySide, { name: 'BodySide' });

@ObjectType({ description: 'One range-of-motion measurement, e.g. shoulder flexion, left, 120° of 180°, pain 4/10.' })
export class RangeOfMotionFinding {
  @Field(() => String)
  joint!: string;

  @Field(() => String)
  movement!: string;

  @Field(() => BodySide, { nullable: true })
  side!: BodySide | null;

  @Field(() => Float)
  measuredDegrees!: number;

  @Field(() => Float, { nullable: true })
  expectedDegrees!: number | null;

  @Field(() => Int, { nullable: true, description: '0 (none) to 10 (worst).' })
  painScore!: number | null;
}

@ObjectType()
export class Assessment {
  @Field(() => String, { nullable: true })
  postureNotes!: string | null;

  @Field(() => [RangeOfMotionFinding])
  rangeOfMotion!: RangeOfMotionFinding[];
}

@ObjectType()
export class Goals {
  @Field(() => String)
  longTerm!: string;

  @Field(() => [String])
  shortTerm!: string[];
}

@ObjectType()
export class ShortTermGoalAttainment {
  @Field(() => Int, { description: "Position in the treatment plan current at completion, from 1." })
  position!: number;

  @Field(() => String, { description: 'The goal as the plan worded it at completion.' })
  description!: string;

  @Field(() => GoalAttainment)
  attainment!: GoalAttainment;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType()
export class Recommendation {
  @Field(() => String)
  text!: string;

  @Field(() => Modality, { nullable: true })
  suggestedModality!: Modality | null;
}

@ObjectType({ description: 'What the treating provider reports back when care ends: closes the loop.' })
export class Outcome {
  @Field(() => String)
  summary!: string;

  @Field(() => GoalAttainment)
  goalsMet!: GoalAttainment;

  @Field(() => Int)
  visitsUsed!: number;

  @Field(() => [RangeOfMotionFinding])
  finalRangeOfMotion!: RangeOfMotionFinding[];

  @Field(() => [ShortTermGoalAttainment], { description: 'Empty when none was reported.' })
  shortTermGoals!: ShortTermGoalAttainment[];

  @Field(() => [Recommendation], { description: 'Empty when none was given.' })
  recommendations!: Recommendation[];
}
