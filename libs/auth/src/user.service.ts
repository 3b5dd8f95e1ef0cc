import { Injectable } from '@nestjs/common';
import { Actor, isPlatformAdmin } from '@referloop/common';
import { badInput, ErrorReason, forbidden, notFound } from '@referloop/core';
import { seatFor } from './accounts/user-rules';
import { ClinicRepository } from '@referloop/clinics';
import { ChangePasswordInput } from './dto/change-password.input';
import { CreateUserInput } from './dto/create-user.input';
import { AccountLinkKind } from '@referloop/notifications';
import { AccountLinkRepository } from './accounts/account-link.repository';
import { TwoFactorRepository } from './two-factor/two-factor.repository';
import { AccountEventKind } from './events/account-event';
import { AccountEvents } from './events/account-events';
import { LoginService } from './login.service';
import { passwordProblem } from './password-policy';
import { hashPassword } from './password-hasher';
import { User } from './user.model';
import { UserRepository } from './user.repository';
import { SessionEndReason } from './sessions/session-end-reason';
import { SessionRepository } from './sessions/session.repository';

@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly clinics: ClinicRepository,
    private readonly sessions: SessionRepository,
    private readonly logins: LoginService,
    private readonly events: AccountEvents,
    private readonly links: AccountLinkRepository,
    private readonly factors: TwoFactorRepository,
  ) {}

  /**
   * An account with a password typed in by whoever calls it: for automation and tests, platform
   * admins only. People are invited (`inviteUser`) and choose their own.
   */
  async create(actor: Actor, input: CreateUserInput): Promise<User> {
    if (!isPlatformAdmin(actor)) throw forbidden('Only platform admins create accounts with a password; invite people instead (inviteUser)', ErrorReason.NOT_YOUR_ROLE);
    const { clinicId } = seatFor(actor, input);
    if (clinicId !== null && !(await this.clinics.findById(clinicId))) throw notFound('Clinic');
    const problem = passwordProblem('password', input.password, input);
    if (problem) throw badInput('input.password', problem);

    const created = await this.users.insert({
      email: input.email,
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName.trim(),
      role: input.role,
      clinicId,
    });
    if (!created) throw badInput('input.email', 'email is already in use');
    return created;
  }

  /**
   * Replaces the signed-in user's password, once they have given the current one (throttled like
   * a sign-in). Every other session of theirs ends at once, whoever holds it; the one asking stays
   * signed in.
   */
  async changePassword(actor: Actor, input: ChangePasswordInput, ipAddress: string | null): Promise<true> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw notFound('User');
    if (!(await this.logins.confirmsPassword(user.email, input.currentPassword, ipAddress))) {
      throw badInput('input.currentPassword', 'currentPassword is not the password you sign in with now');
    }
    if (input.newPassword === input.currentPassword) throw badInput('input.newPassword', 'newPassword must differ from your current password');
    const problem = passwordProblem('newPassword', input.newPassword, user);
    if (problem) throw badInput('input.newPassword', problem);
    await this.users.setPasswordHash(user.id, await hashPassword(input.newPassword));
    await this.sessions.endAllBut(user.id, actor.sessionId, SessionEndReason.PASSWORD_CHANGED);
    // A reset asked for earlier would undo this change: its link stops working.
    await this.links.revokeOpen(user.id, AccountLinkKind.PASSWORD_RESET);
    await this.factors.endChallenges(user.id);
    await this.events.record({ event: AccountEventKind.PASSWORD_CHANGED, actorId: actor.userId, userId: user.id, ipAddress });
    return true;
  }
}
