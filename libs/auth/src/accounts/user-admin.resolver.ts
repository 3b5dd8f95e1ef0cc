import { Args, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Actor, Connection, connectionType, CurrentActor, PageArgs, pageRequest } from '@referloop/common';
import { DisableUserInput } from '../dto/create-user.input';
import { User } from '../user.model';
import { ChangeUserRoleInput, EnableUserInput, ResetTwoFactorInput, UserFilter } from './dto/account-inputs';
import { UserAdminService } from './user-admin.service';

@ObjectType()
export class UserConnection extends connectionType(User, 'User') {}

/** A clinic's staff, for its admins (and everyone's, for platform admins). */
@Resolver()
export class UserAdminResolver {
  constructor(private readonly admin: UserAdminService) {}

  @Query(() => UserConnection, {
    description: "User accounts, newest first: every clinic's for platform admins, their own clinic's for clinic admins; nobody else's. Narrowed by clinic, role and status.",
  })
  async users(
    @CurrentActor() actor: Actor,
    @Args({ type: () => PageArgs }) args: PageArgs,
    // Optional, not `| undefined`: the validation pipe reads the class from the parameter's type.
    @Args('filter', { type: () => UserFilter, nullable: true }) filter?: UserFilter,
  ): Promise<Connection<User>> {
    return this.admin.list(actor, filter ?? {}, pageRequest(args));
  }

  @Mutation(() => User, {
    description:
      "Changes a user's role within their clinic (platform admins: anyone's; clinic admins: their own clinic's staff, never a platform admin). The user's sessions end at once. CONFLICT (LAST_ACTIVE_ADMIN) when it would leave the clinic without an active clinic admin.",
  })
  async changeUserRole(@CurrentActor() actor: Actor, @Args('input', { type: () => ChangeUserRoleInput }) input: ChangeUserRoleInput): Promise<User> {
    return this.admin.changeRole(actor, input.id, input.role);
  }

  @Mutation(() => User, {
    description:
      "Disables a user: their sessions end and their access tokens stop working at once. Never yourself; CONFLICT (LAST_ACTIVE_ADMIN) for a clinic's last active admin.",
  })
  async disableUser(@CurrentActor() actor: Actor, @Args('input', { type: () => DisableUserInput }) input: DisableUserInput): Promise<User> {
    return this.admin.disable(actor, input.id);
  }

  @Mutation(() => User, { description: 'Enables a disabled user again; they sign in with their password. An invitation never accepted is re-sent instead (`resendInvitation`).' })
  async enableUser(@CurrentActor() actor: Actor, @Args('input', { type: () => EnableUserInput }) input: EnableUserInput): Promise<User> {
    return this.admin.enable(actor, input.id);
  }

  @Mutation(() => User, {
    description:
      "Turns off the two-factor sign-in of a user who lost their phone and their recovery codes (platform admins: anyone's; clinic admins: their own clinic's staff), given your own password again. Their sessions end; they sign in with their password and enrol again. Never your own (`removeTwoFactor`). Recorded as TWO_FACTOR_RESET.",
  })
  async resetTwoFactor(@CurrentActor() actor: Actor, @Args('input', { type: () => ResetTwoFactorInput }) input: ResetTwoFactorInput): Promise<User> {
    return this.admin.resetTwoFactor(actor, input.id, input.password);
  }
}
