import { Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Condition, GeoPointInput, IsConditionList, IsNotBlank, Modality, OptionalTechniquesField, Technique } from '@referloop/common';
import { RadiusKmField } from '@referloop/providers';
import { ReferralPriority } from '@referloop/lifecycle';
import { AssessmentInput, GoalsInput } from './clinical.input';

/** The clinical content of a referral; updateReferral takes the same fields, all optional. */
@InputType({ isAbstract: true })
export class ReferralContentFields {
  @Field(() => Modality)
  @IsEnum(Modality)
  modality!: Modality;

  @Field(() => [Condition])
  @ArrayMinSize(1, { message: 'conditions must list at least one condition' })
  @IsConditionList()
  conditions!: Condition[];

  @OptionalTechniquesField()
  techniques?: Technique[];

  @Field(() => ReferralPriority, { nullable: true })
  @IsOptional()
  @IsEnum(ReferralPriority)
  priority?: ReferralPriority;

  @Field(() => String, { description: 'Why the patient is referred.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  reason!: string;

  @Field(() => AssessmentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AssessmentInput)
  assessment?: AssessmentInput | null;

  @Field(() => GoalsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GoalsInput)
  goals?: GoalsInput | null;

  @Field(() => Int, { nullable: true, description: 'Visit budget, e.g. 6.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  recommendedVisits?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  visitsPerWeek?: number | null;

  @Field(() => String, { nullable: true, description: 'Red flags and contraindications.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  redFlags?: string | null;

  @Field(() => Boolean, { description: 'The patient agreed to share this referral with the receiver.' })
  @IsBoolean()
  consentToShare!: boolean;
}

@InputType({ description: 'An open referral: offered to every provider of its modality, accepting new patients, within radiusKm of near.' })
export class PoolInput {
  @Field(() => GeoPointInput)
  @ValidateNested()
  @Type(() => GeoPointInput)
  near!: GeoPointInput;

  @RadiusKmField()
  radiusKm?: number;
}

@InputType()
export class CreateReferralInput extends ReferralContentFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'patientId must be an id returned by this API' })
  patientId!: string;

  @Field(() => ID, { nullable: true, description: 'The provider it is for; or give toPool instead.' })
  @IsOptional()
  @IsUUID('all', { message: 'toProviderId must be an id returned by this API' })
  toProviderId?: string;

  @Field(() => PoolInput, { nullable: true, description: 'Offer it to every eligible provider nearby instead of one; the first to accept takes it.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PoolInput)
  toPool?: PoolInput;

  @Field(() => String, {
    nullable: true,
    description: 'Retrying with the same key returns the referral the first request created.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'idempotencyKey must be 1 to 100 letters, digits or ._:-' })
  idempotencyKey?: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'true creates and sends in one step.' })
  @IsOptional()
  @IsBoolean()
  send?: boolean;
}

@InputType()
export class UpdateReferralInput extends PartialType(ReferralContentFields, InputType) {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id returned by this API' })
  id!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'patientId must be an id returned by this API' })
  patientId?: string;

  @Field(() => ID, { nullable: true, description: 'Makes an open draft a referral to this provider.' })
  @IsOptional()
  @IsUUID('all', { message: 'toProviderId must be an id returned by this API' })
  toProviderId?: string;

  @Field(() => PoolInput, { nullable: true, description: 'Makes the draft an open referral offered here.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PoolInput)
  toPool?: PoolInput;
}
