import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Condition, GeoPointInput, IsConditionList, MAX_PAGE_SIZE, Modality, OptionalTechniquesField, ReferralPriority, Technique } from '@referloop/common';
import { RadiusKmField } from './radius-km.field';

@InputType()
export class MatchProvidersInput {
  @Field(() => Modality)
  @IsEnum(Modality)
  modality!: Modality;

  @Field(() => [Condition], { nullable: true, defaultValue: [], description: 'What the patient needs treated; coverage of these ranks first.' })
  @IsOptional()
  @IsConditionList()
  conditions?: Condition[];

  @OptionalTechniquesField({ defaultValue: [] })
  techniques?: Technique[];

  @Field(() => GeoPointInput, { description: 'Where the patient will be treated from, usually their home or the referring clinic.' })
  @ValidateNested()
  @Type(() => GeoPointInput)
  near!: GeoPointInput;

  @RadiusKmField()
  radiusKm?: number;

  @Field(() => ReferralPriority, { nullable: true, defaultValue: ReferralPriority.ROUTINE, description: 'URGENT weighs how quickly providers answer more.' })
  @IsOptional()
  @IsEnum(ReferralPriority)
  priority?: ReferralPriority;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}` })
  first?: number;
}
