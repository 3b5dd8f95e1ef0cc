import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTime, UserRole } from '@referloop/common';
import { TwoFactorChallenge } from './two-factor/two-factor.model';

/** Where an account stands. */
export enum UserStatus {
  /** Invited, and has not chosen a password yet: cannot sign in. */
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  /** Disabled by an admin (or the invitation withdrawn): cannot sign in. */
  DISABLED = 'DISABLED',
}

registerEnumType(UserStatus, { name: 'UserStatus' });

@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => UserRole)
  role!: UserRole;

  @Field(() => ID, { nullable: true })
  clinicId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The provider profile of this user, if any.' })
  providerId!: string | null;

  @Field(() => Boolean)
  disabled!: boolean;

  @Field(() => UserStatus)
  status!: UserStatus;

  @Field(() => DateTime)
  createdAt!: Date;

  /** An authenticator app is confirmed; shown through `twoFactorEnabled` to those who may see it. */
  twoFactorOn!: boolean;
}

@ObjectType()
export class AuthPayload {
  @Field(() => String, { nullable: true, description: 'Null while a second factor is still asked for (`twoFactorChallenge`).' })
  accessToken!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the access token expires; null with it.' })
  expiresAt!: Date | null;

  @Field(() => User)
  user!: User;

  @Field(() => String, {
    nullable: true,
    description:
      "For API clients (`login`, `refreshSession(refreshToken)`): the session's refresh credential, to trade for the next access token with `refreshSession(refreshToken)`. It works once: each refresh answers a new one, and presenting a used one again ends the session. Null for browsers, which hold it in the session cookie.",
  })
  refreshToken!: string | null;

  @Field(() => TwoFactorChallenge, {
    nullable: true,
    description: 'Set when the password was right and the account has two-factor sign-in on: no session yet; send the code with this token to `verifySignInCode`.',
  })
  twoFactorChallenge!: TwoFactorChallenge | null;

  @Field(() => Boolean, {
    description: 'The account must use two-factor sign-in and has not enrolled: this session may only enrol (`beginTotpEnrolment`, `confirmTotpEnrolment`), read `me` and sign out.',
  })
  mustEnrolTwoFactor!: boolean;
}
