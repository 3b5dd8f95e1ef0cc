import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { DateTime } from '@referloop/common';

@ObjectType({ description: 'Where two-factor sign-in stands for the signed-in user.' })
export class TwoFactorStatus {
  @Field(() => Boolean, { description: 'An authenticator app is enrolled and asked for at every sign-in.' })
  enabled!: boolean;

  @Field(() => Boolean, { description: 'The user must use it: a platform admin (when configured), or their clinic requires it.' })
  required!: boolean;

  @Field(() => Int, { description: 'Unused recovery codes.' })
  recoveryCodesLeft!: number;
}

@ObjectType({ description: 'A new authenticator secret, to add to an app and confirm with one of its codes.' })
export class TotpEnrolment {
  @Field(() => String, { description: 'The otpauth:// URI an app scans as a QR code.' })
  otpauthUri!: string;

  @Field(() => String, { description: 'The secret in base32, for typing into an app that cannot scan.' })
  secret!: string;
}

@ObjectType({ description: 'The step after a correct password, for a user with two-factor sign-in on.' })
export class TwoFactorChallenge {
  @Field(() => String, { description: 'Send back with the code in `verifySignInCode`.' })
  token!: string;

  @Field(() => DateTime)
  expiresAt!: Date;
}

@InputType()
export class ConfirmTotpEnrolmentInput {
  @Field(() => String, { description: 'The six digits the authenticator app shows now.' })
  @IsString()
  @MaxLength(20)
  code!: string;

  @Field(() => String, {
    description: 'Your password, again: whoever turns two-factor sign-in on decides which phone the account needs, so a session left open is not enough.',
  })
  @IsString()
  @MaxLength(200)
  password!: string;
}

@InputType()
export class SignInCodeInput {
  @Field(() => String, { description: "The challenge's token from `signIn` or `login`." })
  @IsString()
  @MaxLength(200)
  token!: string;

  @Field(() => String, { description: 'The six digits the app shows now, or one of the recovery codes.' })
  @IsString()
  @MaxLength(40)
  code!: string;
}

@InputType()
export class RemoveTwoFactorInput {
  @Field(() => String, { description: 'Your password, again: removing the second factor weakens the account.' })
  @IsString()
  @MaxLength(200)
  password!: string;
}
