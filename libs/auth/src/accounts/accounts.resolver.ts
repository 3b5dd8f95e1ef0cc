import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Public, RequestContext } from '@referloop/common';
import { AuthPayload, User } from '../user.model';
import { AccountLinkCheck } from './account-link-check.model';
import { AccountLinksService } from './account-links.service';
import { InvitedUserInput, InviteUserInput, LinkPasswordInput, RequestPasswordResetInput } from './dto/account-inputs';
import { InvitationService } from './invitations.service';
import { PasswordResetService } from './password-reset.service';

/** Invitations and password resets: the emailed, single-use links accounts are started and recovered with. */
@Resolver()
export class AccountsResolver {
  constructor(
    private readonly invitations: InvitationService,
    private readonly resets: PasswordResetService,
    private readonly links: AccountLinksService,
  ) {}

  @Mutation(() => User, {
    description:
      "Creates an account without a password (status INVITED) and emails its holder a link to choose one, which works once, for INVITATION_TTL_HOURS. Platform admins invite anyone (a clinic's first admin); clinic admins invite their own clinic's admins, coordinators and providers; nobody else invites.",
  })
  async inviteUser(@CurrentActor() actor: Actor, @Args('input', { type: () => InviteUserInput }) input: InviteUserInput): Promise<User> {
    return this.invitations.invite(actor, input);
  }

  @Mutation(() => User, {
    description: 'Emails a new invitation link to a user who has not accepted yet; the previous link stops working. Renews a withdrawn invitation.',
  })
  async resendInvitation(@CurrentActor() actor: Actor, @Args('input', { type: () => InvitedUserInput }) input: InvitedUserInput): Promise<User> {
    return this.invitations.resend(actor, input.userId);
  }

  @Mutation(() => User, { description: 'Withdraws a pending invitation: its link stops working and the account is disabled.' })
  async revokeInvitation(@CurrentActor() actor: Actor, @Args('input', { type: () => InvitedUserInput }) input: InvitedUserInput): Promise<User> {
    return this.invitations.revoke(actor, input.userId);
  }

  @Public()
  @Query(() => AccountLinkCheck, {
    description: "Whether an invitation's or password reset's link still works, and for whom: what its page shows before asking for a password.",
  })
  async accountLink(@Args('token', { type: () => String }) token: string): Promise<AccountLinkCheck> {
    return this.links.check(token);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      "Accepts an invitation: sets the password chosen, spends the link and signs the browser in (a session, as `signIn`). A link that no longer works is refused naming `input.token`, with reason LINK_USED, LINK_EXPIRED or LINK_REVOKED.",
  })
  async acceptInvitation(@Args('input', { type: () => LinkPasswordInput }) input: LinkPasswordInput, @Context() ctx: RequestContext): Promise<AuthPayload> {
    return this.invitations.accept(input, ctx);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Emails a password-reset link to the address, if it belongs to an active account. Answers true either way, in the same time, so it tells nobody whether an account exists. Throttled per address and per client (TOO_MANY_REQUESTS, reason TOO_MANY_RESET_REQUESTS).',
  })
  async requestPasswordReset(@Args('input', { type: () => RequestPasswordResetInput }) input: RequestPasswordResetInput, @Context() ctx: RequestContext): Promise<boolean> {
    return this.resets.request(input.email, ctx.ipAddress);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      "Sets a new password from a reset link, which it spends, and ends every session of the account on every device; then sign in with it. A link that no longer works is refused naming `input.token`, with reason LINK_USED, LINK_EXPIRED or LINK_REVOKED.",
  })
  async resetPassword(@Args('input', { type: () => LinkPasswordInput }) input: LinkPasswordInput, @Context() ctx: RequestContext): Promise<boolean> {
    return this.resets.reset(input, ctx.ipAddress);
  }
}
