import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsNotBlank, UserRole } from '@referloop/common';
import { UserStatus } from '../../user.model';
import { PASSWORD_LENGTH, PASSWORD_LENGTH_MESSAGE } from '../../password-policy';

@InputType()
export class InviteUserInput {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  displayName!: string;

  @Field(() => UserRole)
  @IsEnum(UserRole)
  role!: UserRole;

  @Field(() => ID, { nullable: true, description: "Required for every role but PLATFORM_ADMIN; a clinic admin's own clinic." })
  @IsOptional()
  @IsUUID('all', { message: 'clinicId must be an id returned by this API' })
  clinicId?: string | null;
}

@InputType()
export class InvitedUserInput {
  @Field(() => ID, { description: 'The invited user.' })
  @IsUUID('all', { message: 'userId must be an id returned by this API' })
  userId!: string;
}

/** The token from an invitation's or reset's link, and the password chosen with it. */
@InputType()
export class LinkPasswordInput {
  @Field(() => String, { description: "The token of the email's link (what follows `#`)." })
  @IsString()
  @MaxLength(200)
  token!: string;

  @Field(() => String, { description: 'At least 12 characters; not a common password, and not containing the email address or name.' })
  @IsString()
  @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, { message: PASSWORD_LENGTH_MESSAGE('password') })
  password!: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field(() => String)
  @IsString()
  @MaxLength(254)
  email!: string;
}

@InputType()
export class UserFilter {
  @Field(() => ID, { nullable: true, description: "A platform admin's choice of clinic; a clinic admin sees their own clinic's users only." })
  @IsOptional()
  @IsUUID('all', { message: 'clinicId must be an id returned by this API' })
  clinicId?: string | null;

  @Field(() => UserRole, { nullable: true })
  @IsOptional()
  @IsEnum(UserRole)
  role?: UserRole | null;

  @Field(() => UserStatus, { nullable: true })
  @IsOptional()
  @IsEnum(UserStatus)
  status?: UserStatus | null;
}

@InputType()
export class ChangeUserRoleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id returned by this API' })
  id!: string;

  @Field(() => UserRole)
  @IsEnum(UserRole)
  role!: UserRole;
}

@InputType()
export class EnableUserInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id returned by this API' })
  id!: string;
}

@InputType()
export class ResetTwoFactorInput {
  @Field(() => ID, { description: 'The user who lost their authenticator app and their recovery codes.' })
  @IsUUID('all', { message: 'id must be an id returned by this API' })
  id!: string;

  @Field(() => String, { description: 'Your own password, again: an admin session left open must not be enough to take a second factor away.' })
  @IsString()
  @MaxLength(200)
  password!: string;
}
