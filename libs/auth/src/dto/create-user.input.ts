import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsNotBlank, UserRole } from '@referloop/common';

@InputType()
export class CreateUserInput {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => String, { description: 'At least 12 characters.' })
  @IsString()
  @Length(12, 200, { message: 'password must be 12 to 200 characters long' })
  password!: string;

  @Field(() => String)
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  displayName!: string;

  @Field(() => UserRole)
  @IsEnum(UserRole)
  role!: UserRole;

  @Field(() => ID, { nullable: true, description: 'Required for every role but PLATFORM_ADMIN.' })
  @IsOptional()
  @IsUUID('all', { message: 'clinicId must be an id returned by this API' })
  clinicId?: string | null;
}

@InputType()
export class DisableUserInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id returned by this API' })
  id!: string;
}
