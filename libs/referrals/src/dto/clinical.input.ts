import { applyDecorators } from '@nestjs/common';
import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank, Modality } from '@referloop/common';
import { GoalAttainment } from '@referloop/lifecycle';
import { BodySide } from '../models/clinical.model';

/** An optional pain score, 0 (none) to 10 (worst): measurements and visits rate pain alike. */
export const OptionalPainScoreField = (description?: string) =>
  applyDecorators(
    Field(() => Int, { nullable: true, description }),
    IsOptional(),
    IsInt(),
    Min(0, { message: 'painScore must be between 0 and 10' }),
    Max(10, { message: 'painScore must be between 0 and 10' }),
  );

@InputType()
export class RangeOfMotionInput {
  @Field(() => String, { description: 'e.g. shoulder, hip, cervical spine.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(60)
  joint!: string;

  @Field(() => String, { description: 'e.g. flexion, abduction, internal rotation.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(60)
  movement!: string;

  @Field(() => BodySide, { nullable: true })
  @IsOptional()
  @IsEnum(BodySide)
  side?: BodySide | null;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'measuredDegrees must be between 0 and 360' })
  @Max(360, { message: 'measuredDegrees must be between 0 and 360' })
  measuredDegrees!: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'expectedDegrees must be between 0 and 360' })
  @Max(360, { message: 'expectedDegrees must be between 0 and 360' })
  expectedDegrees?: number | null;

  @OptionalPainScoreField()
  painScore?: number | null;
}

/** An optional list of range-of-motion measurements (an assessment's, a visit's). */
export const OptionalRangeOfMotionField = (options: { defaultValue?: RangeOfMotionInput[] } = {}) =>
  applyDecorators(
    Field(() => [RangeOfMotionInput], { nullable: true, ...options }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(60),
    ValidateNested({ each: true }),
    Type(() => RangeOfMotionInput),
  );

@InputType()
export class AssessmentInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  postureNotes?: string | null;

  @OptionalRangeOfMotionField()
  rangeOfMotion?: RangeOfMotionInput[];
}

@InputType()
export class GoalsInput {
  @Field(() => String, { description: 'The overall goal of care.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  longTerm!: string;

  @Field(() => [String], { nullable: true, description: 'Steps toward it, e.g. per visit.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  shortTerm?: string[];
}

@InputType({ description: "How far one of the plan's short-term goals was reached." })
export class ShortTermGoalAttainmentInput {
  @Field(() => Int, { description: "The goal's position in the current treatment plan, from 1." })
  @IsInt()
  @Min(1, { message: 'position must be at least 1' })
  position!: number;

  @Field(() => GoalAttainment)
  @IsEnum(GoalAttainment)
  attainment!: GoalAttainment;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

@InputType({ description: 'What the treating provider recommends next, e.g. "physical therapy for strengthening".' })
export class RecommendationInput {
  @Field(() => String)
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  text!: string;

  @Field(() => Modality, { nullable: true, description: 'The modality suggested, when the recommendation is a referral onward.' })
  @IsOptional()
  @IsEnum(Modality)
  suggestedModality?: Modality | null;
}

@InputType()
export class OutcomeInput {
  @Field(() => String)
  @IsString()
  @IsNotBlank()
  @MaxLength(5000)
  summary!: string;

  @Field(() => GoalAttainment)
  @IsEnum(GoalAttainment)
  goalsMet!: GoalAttainment;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(500)
  visitsUsed!: number;

  @Field(() => [RangeOfMotionInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => RangeOfMotionInput)
  finalRangeOfMotion?: RangeOfMotionInput[];

  @Field(() => [ShortTermGoalAttainmentInput], { nullable: true, description: "Attainment of each of the plan's short-term goals you report on (each at most once)." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ShortTermGoalAttainmentInput)
  shortTermGoals?: ShortTermGoalAttainmentInput[];

  @Field(() => [RecommendationInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RecommendationInput)
  recommendations?: RecommendationInput[];
}
