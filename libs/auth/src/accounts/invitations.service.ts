import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClinicRepository } from '@referloop/clinics';
import { Actor } from '@referloop/common';
import { APP_CONFIG, AppConfig, badInput, notFound } from '@referloop/core';
import { JobQueues } from '@referloop/jobs';
import { AccountLinkKind, sendJobs } from '@referloop/notifications';
import { AccountEventKind } from '../events/account-event';
import { AccountEvents } from '../events/account-events';
import { SessionRequest, SessionService } from '../sessions/session.service';
import { AuthPayload, User, UserStatus } from '../user.model';
import { UserRepository } from '../user.repository';
import { AccountLinkRepository } from './account-link.repository';
import { InviteUserInput, LinkPasswordInput } from './dto/account-inputs';
import { LinkPassword } from './link-password';
import { linkRefusal } from './link-refusal';
import { LinkState } from './account-link.repository';
import { managedAccount, seatFor } from './user-rules';

const ALREADY_ACCEPTED = () => badInput('input.userId', 'This user has already accepted their invitation');

/**
 * Accounts start with an invitation: an admin names the person, their role and clinic; the
 * person gets an email (through the outbox, like every email) with a single-use link, chooses
 * their password on the page it opens, and is signed in. Nobody ever types, sends or knows
 * another person's password.
 */
@Injectable()
export class InvitationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UserRepository,
    private readonly clinics: ClinicRepository,
    private readonly links: AccountLinkRepository,
    private readonly linkPassword: LinkPassword,
    private readonly sessions: SessionService,
    private readonly jobs: JobQueues,
    private readonly events: AccountEvents,
  ) {}

  /** A new account, INVITED until its holder accepts, and its invitation email. */
  async invite(actor: Actor, input: InviteUserInput): Promise<User> {
    const seat = seatFor(actor, input);
    if (seat.clinicId !== null && !(await this.clinics.findById(seat.clinicId))) throw notFound('Clinic');

    const { user, notificationId } = await this.db.transaction(async (manager) => {
      const created = await this.users.insert({ email: input.email, passwordHash: null, displayName: input.displayName.trim(), ...seat }, manager);
      if (!created) throw badInput('input.email', 'email is already in use');
      return { user: created, notificationId: await this.links.issueInvitation(this.invitationFor(created.id, actor), manager) };
    });
    if (notificationId) await this.jobs.addBestEffort(sendJobs([notificationId]));
    return user;
  }

  /**
   * A new invitation email for a user who has not accepted yet; the old link stops working. A
   * withdrawn invitation is thereby renewed: the account is enabled again.
   */
  async resend(actor: Actor, userId: string): Promise<User> {
    const user = await this.invitedUser(actor, userId);
    const notificationId = await this.db.transaction(async (manager) => {
      // Both only while the user still has no password: an acceptance may have come in between.
      const issued = await this.links.issueInvitation(this.invitationFor(user.id, actor), manager);
      if (!issued || !(await this.users.enableInvited(user.id, manager))) throw ALREADY_ACCEPTED();
      return issued;
    });
    await this.jobs.addBestEffort(sendJobs([notificationId]));
    return { ...user, disabled: false, status: UserStatus.INVITED };
  }

  /** Withdraws a pending invitation: its link stops working and the account is disabled. */
  async revoke(actor: Actor, userId: string): Promise<User> {
    const user = await this.invitedUser(actor, userId);
    await this.db.transaction(async (manager) => {
      if (!(await this.users.disableInvited(user.id, manager))) throw ALREADY_ACCEPTED();
      await this.links.revokeOpen(user.id, AccountLinkKind.INVITATION, manager);
      await this.events.record({ event: AccountEventKind.INVITATION_REVOKED, actorId: actor.userId, userId: user.id, ipAddress: actor.ipAddress }, manager);
    });
    return { ...user, disabled: true, status: UserStatus.DISABLED };
  }

  /**
   * Sets the invited user's first password from the invitation's link, which it spends, and
   * signs them in (a browser session, as `signIn` starts). A link that no longer works is
   * refused saying why, naming `input.token`.
   */
  async accept(input: LinkPasswordInput, request: SessionRequest): Promise<AuthPayload> {
    const { linkId, user, passwordHash } = await this.linkPassword.check(AccountLinkKind.INVITATION, input);
    await this.db.transaction(async (manager) => {
      // Both or neither: the link is spent exactly when the password is set. Either may have
      // moved since the check above (accepted twice at once, withdrawn meanwhile).
      await this.linkPassword.spend(linkId, AccountLinkKind.INVITATION, manager);
      if (!(await this.users.setFirstPasswordHash(user.id, passwordHash, manager))) {
        throw linkRefusal('input.token', AccountLinkKind.INVITATION, LinkState.REVOKED);
      }
      await this.events.record({ event: AccountEventKind.INVITATION_ACCEPTED, actorId: user.id, userId: user.id, ipAddress: request.ipAddress }, manager);
    });
    return this.sessions.signInBrowser({ ...user, status: UserStatus.ACTIVE }, request);
  }

  private invitationFor(userId: string, actor: Actor) {
    return { userId, createdByUserId: actor.userId, ipAddress: actor.ipAddress, ttlSeconds: this.config.accounts.invitationTtlHours * 3600 };
  }

  /** The user `userId`, if the actor manages them and they have not accepted their invitation yet. */
  private async invitedUser(actor: Actor, userId: string): Promise<User> {
    const user = await managedAccount(this.users, actor, userId);
    if (user.status === UserStatus.ACTIVE || (user.status === UserStatus.DISABLED && (await this.users.hasPassword(user.id)))) throw ALREADY_ACCEPTED();
    return user;
  }
}
