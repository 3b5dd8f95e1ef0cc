import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Condition, GeoPointInput, IsNotBlank, Modality, Technique } from '@referloop/common';
import { IsCity, IsLanguageList, IsPostalCode } from './profile-validators';

@InputType()
export class CreateProviderInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'clinicId must be an id returned by this API' })
  clinicId!: string;

  @Field(() => ID, { description: 'A PROVIDER user of the same clinic without a profile yet.' })
  @IsUUID('all', { message: 'userId must be an id returned by this API' })
  userId!: string;

  @Field(() => String)
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  displayName!: string;

  @Field(() => String)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => [Modality])
  @ArrayMinSize(1, { message: 'modalities must list at least one modality' })
  @ArrayUnique()
  @IsEnum(Modality, { each: true })
  modalities!: Modality[];

  @Field(() => [Technique])
  @ArrayMaxSize(Object.keys(Technique).length)
  @ArrayUnique()
  @IsEnum(Technique, { each: true })
  techniques!: Technique[];

  @Field(() => [Condition])
  @ArrayMaxSize(Object.keys(Condition).length)
  @ArrayUnique()
  @IsEnum(Condition, { each: true })
  conditions!: Condition[];

  @Field(() => Boolean)
  @IsBoolean()
  acceptingNewPatients!: boolean;

  @Field(() => Int, { description: 'New patients the provider can take per week.' })
  @IsInt()
  @Min(0)
  @Max(500)
  weeklyCapacity!: number;

  @Field(() => GeoPointInput)
  @ValidateNested()
  @Type(() => GeoPointInput)
  location!: GeoPointInput;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes of the languages treated in, e.g. ["en", "es"].' })
  @IsOptional()
  @IsLanguageList()
  languages?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPostalCode()
  postalCode?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCity()
  city?: string;
}
