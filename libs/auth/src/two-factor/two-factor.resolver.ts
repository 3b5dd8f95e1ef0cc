import { Args, Mutation, ObjectType, Query, Resolver, Field } from '@nestjs/graphql';
import { Actor, AllowedDuringEnrolment, CurrentActor } from '@referloop/common';
import { ConfirmTotpEnrolmentInput, RemoveTwoFactorInput, TotpEnrolment, TwoFactorStatus } from './two-factor.model';
import { TwoFactorService } from './two-factor.service';

@ObjectType()
export class RecoveryCodes {
  @Field(() => [String], { description: 'Ten single-use codes for signing in without the phone. Shown this once: keep them somewhere safe.' })
  codes!: string[];
}

/** The signed-in user's own two-factor sign-in: an authenticator app (TOTP). */
@Resolver()
export class TwoFactorResolver {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @AllowedDuringEnrolment()
  @Query(() => TwoFactorStatus, { description: 'Whether two-factor sign-in is on for you, whether you must use it, and how many recovery codes are left.' })
  async twoFactorStatus(@CurrentActor() actor: Actor): Promise<TwoFactorStatus> {
    return this.twoFactor.status(actor);
  }

  @AllowedDuringEnrolment()
  @Mutation(() => TotpEnrolment, {
    description: 'Starts enrolling an authenticator app: a new secret as an otpauth:// URI (show it as a QR code) and in base32. Nothing changes until `confirmTotpEnrolment`.',
  })
  async beginTotpEnrolment(@CurrentActor() actor: Actor): Promise<TotpEnrolment> {
    return this.twoFactor.begin(actor);
  }

  @AllowedDuringEnrolment()
  @Mutation(() => RecoveryCodes, {
    description:
      "Turns two-factor sign-in on with a code from the app just enrolled and your password, and returns ten recovery codes, shown this once. Every other session of yours ends (they were signed in without the code); from the next sign-in on, the code is asked for after the password.",
  })
  async confirmTotpEnrolment(@CurrentActor() actor: Actor, @Args('input', { type: () => ConfirmTotpEnrolmentInput }) input: ConfirmTotpEnrolmentInput): Promise<RecoveryCodes> {
    return { codes: await this.twoFactor.confirm(actor, input.code, input.password) };
  }

  @Mutation(() => Boolean, { description: 'Turns two-factor sign-in off, given your password again. If you must use it, you enrol again at your next sign-in.' })
  async removeTwoFactor(@CurrentActor() actor: Actor, @Args('input', { type: () => RemoveTwoFactorInput }) input: RemoveTwoFactorInput): Promise<boolean> {
    return this.twoFactor.remove(actor, input.password);
  }
}
