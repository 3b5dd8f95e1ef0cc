import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { DateTime, OptionalTechniquesField, Technique } from '@referloop/common';
import { OptionalPainScoreField, OptionalRangeOfMotionField, RangeOfMotionInput } from '@referloop/referrals';
import { EpisodeCommandFields } from './episode-command.input';

@InputType()
export class RecordVisitInput extends EpisodeCommandFields {
  @Field(() => DateTime, { description: 'When the visit took (or was to take) place; not in the future.' })
  at!: Date;

  @Field(() => Boolean, { description: 'false records a no-show.' })
  @IsBoolean()
  attended!: boolean;

  @OptionalTechniquesField({ defaultValue: [], description: 'Tools used this visit (kinesio taping, cupping, gua sha, …).' })
  techniquesUsed?: Technique[];

  @OptionalRangeOfMotionField({ defaultValue: [] })
  rangeOfMotion?: RangeOfMotionInput[];

  @OptionalPainScoreField('Overall pain, 0 (none) to 10 (worst).')
  painScore?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;

  @Field(() => [Int], { nullable: true, defaultValue: [], description: "Short-term goals met, by their position (1, 2, …) in the current plan." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true, message: 'shortTermGoalsMet are positions in the plan, from 1' })
  shortTermGoalsMet?: number[];
}
