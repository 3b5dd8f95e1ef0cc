import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsEmail, IsEnum, IsInt, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Condition, GeoPointInput, IsNotBlank, MayBeOmitted, Modality, Technique } from '@referloop/common';
import { IsCity, IsLanguageList, IsPostalCode } from './profile-validators';

/** Only the fields given change; every field may be omitted, none set to null. */
@InputType()
export class UpdateProviderInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id returned by this API' })
  id!: string;

  @Field(() => String, { nullable: true })
  @MayBeOmitted()
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  displayName?: string;

  @Field(() => String, { nullable: true })
  @MayBeOmitted()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;

  @Field(() => [Modality], { nullable: true })
  @MayBeOmitted()
  @ArrayMinSize(1, { message: 'modalities must list at least one modality' })
  @ArrayUnique()
  @IsEnum(Modality, { each: true })
  modalities?: Modality[];

  @Field(() => [Technique], { nullable: true })
  @MayBeOmitted()
  @ArrayMaxSize(Object.keys(Technique).length)
  @ArrayUnique()
  @IsEnum(Technique, { each: true })
  techniques?: Technique[];

  @Field(() => [Condition], { nullable: true })
  @MayBeOmitted()
  @ArrayMaxSize(Object.keys(Condition).length)
  @ArrayUnique()
  @IsEnum(Condition, { each: true })
  conditions?: Condition[];

  @Field(() => Boolean, { nullable: true })
  @MayBeOmitted()
  @IsBoolean()
  acceptingNewPatients?: boolean;

  @Field(() => Int, { nullable: true })
  @MayBeOmitted()
  @IsInt()
  @Min(0)
  @Max(500)
  weeklyCapacity?: number;

  @Field(() => [String], { nullable: true })
  @MayBeOmitted()
  @IsLanguageList()
  languages?: string[];

  @Field(() => GeoPointInput, { nullable: true })
  @MayBeOmitted()
  @ValidateNested()
  @Type(() => GeoPointInput)
  location?: GeoPointInput;

  @Field(() => String, { nullable: true })
  @MayBeOmitted()
  @IsPostalCode()
  postalCode?: string;

  @Field(() => String, { nullable: true })
  @MayBeOmitted()
  @IsCity()
  city?: string;
}
