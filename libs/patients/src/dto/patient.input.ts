import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { IsNotBlank, IsPhone, LocalDate, MayBeOmitted, PageArgs } from '@referloop/common';
import { IsPastDate } from './is-past-date';

@InputType()
export class CreatePatientInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'clinicId must be an id returned by this API' })
  clinicId!: string;

  @Field(() => String)
  @IsString()
  @IsNotBlank()
  @Length(1, 100)
  firstName!: string;

  @Field(() => String)
  @IsString()
  @IsNotBlank()
  @Length(1, 100)
  lastName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @Field(() => LocalDate)
  @IsPastDate()
  dateOfBirth!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhone()
  @MaxLength(32)
  phone?: string | null;

  @Field(() => Boolean)
  @IsBoolean()
  emailConsent!: boolean;
}

@InputType()
export class UpdatePatientInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id returned by this API' })
  id!: string;

  @Field(() => String, { nullable: true })
  @MayBeOmitted()
  @IsString()
  @IsNotBlank()
  @Length(1, 100)
  firstName?: string;

  @Field(() => String, { nullable: true })
  @MayBeOmitted()
  @IsString()
  @IsNotBlank()
  @Length(1, 100)
  lastName?: string;

  @Field(() => String, { nullable: true, description: 'null removes the address.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @MayBeOmitted()
  @IsPastDate()
  dateOfBirth?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhone()
  @MaxLength(32)
  phone?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false withdraws consent to status emails.' })
  @MayBeOmitted()
  @IsBoolean()
  emailConsent?: boolean;
}

@InputType()
export class PatientFilter {
  @Field(() => String, { nullable: true, description: 'Part of a first name, last name or email.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

@ArgsType()
export class PatientsArgs extends PageArgs {
  @Field(() => PatientFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PatientFilter)
  filter?: PatientFilter;
}
