import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { GeoPointInput, IsIanaTimeZone, IsNotBlank, IsPhone } from '@referloop/common';

@InputType()
export class AddressInput {
  @Field(() => String)
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  line1!: string;

  @Field(() => String)
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  city!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  region?: string | null;

  @Field(() => String)
  @IsString()
  @IsNotBlank()
  @MaxLength(20)
  postalCode!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2, e.g. US.' })
  @Matches(/^[A-Za-z]{2}$/, { message: 'country must be a two-letter ISO 3166-1 code' })
  country!: string;
}

@InputType()
export class CreateClinicInput {
  @Field(() => String)
  @IsString()
  @IsNotBlank()
  @Length(1, 200)
  name!: string;

  @Field(() => String)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhone()
  @MaxLength(32)
  phone?: string | null;

  @Field(() => String)
  @IsIanaTimeZone()
  timeZone!: string;

  @Field(() => AddressInput)
  @ValidateNested()
  @Type(() => AddressInput)
  address!: AddressInput;

  @Field(() => GeoPointInput)
  @ValidateNested()
  @Type(() => GeoPointInput)
  location!: GeoPointInput;
}
