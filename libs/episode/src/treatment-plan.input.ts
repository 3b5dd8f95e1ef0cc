import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsNotBlank, OptionalTechniquesField, Technique } from '@referloop/common';

@InputType()
export class ShortTermGoalInput {
  @Field(() => String, { description: 'e.g. "Shoulder flexion to 150°".' })
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  description!: string;

  @Field(() => Int, { description: 'The visit by which it should be met (1 = the first).' })
  @IsInt()
  @Min(1, { message: 'targetVisit must be at least 1' })
  @Max(100, { message: 'targetVisit must be at most 100' })
  targetVisit!: number;

  @Field(() => String, { nullable: true, description: 'How it is measured, e.g. "goniometer, standing".' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  measure?: string | null;
}

@InputType()
export class SetTreatmentPlanInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'referralId must be an id returned by this API' })
  referralId!: string;

  @Field(() => Int, { nullable: true, description: 'The plan version you are changing (0 for none yet); a stale one is a CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedPlanVersion?: number;

  @Field(() => String)
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  longTermGoal!: string;

  @Field(() => [ShortTermGoalInput])
  @ArrayMinSize(1, { message: 'shortTermGoals must list at least one goal' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ShortTermGoalInput)
  shortTermGoals!: ShortTermGoalInput[];

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'plannedVisits must be at least 1' })
  @Max(100, { message: 'plannedVisits must be at most 100' })
  plannedVisits!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'visitsPerWeek must be between 1 and 7' })
  @Max(7, { message: 'visitsPerWeek must be between 1 and 7' })
  visitsPerWeek!: number;

  @OptionalTechniquesField({ defaultValue: [], description: 'Techniques planned (kinesio taping, cupping, …).' })
  techniques?: Technique[];
}
