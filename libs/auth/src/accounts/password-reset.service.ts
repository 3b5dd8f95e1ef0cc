import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { JobQueues } from '@referloop/jobs';
import { AccountLinkKind, sendJobs } from '@referloop/notifications';
import { AccountEventKind } from '../events/account-event';
import { AccountEvents } from '../events/account-events';
import { LoginThrottle } from '../login-throttle';
import { TwoFactorRepository } from '../two-factor/two-factor.repository';
import { SessionEndReason } from '../sessions/session-end-reason';
import { SessionRepository } from '../sessions/session.repository';
import { UserRepository } from '../user.repository';
import { AccountLinkRepository } from './account-link.repository';
import { LinkPasswordInput } from './dto/account-inputs';
import { LinkPassword } from './link-password';
import { ResetThrottle } from './reset-throttle';

/** Requests from clients without a usable address share one throttle bucket. */
const UNKNOWN_ADDRESS = 'unknown';

/**
 * A forgotten password: the holder of the account's email address gets a single-use link that
 * works for PASSWORD_RESET_TTL_MINUTES, and chooses a new password with it, which signs every
 * device out. Asking tells nobody whether an address has an account.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UserRepository,
    private readonly links: AccountLinkRepository,
    private readonly linkPassword: LinkPassword,
    private readonly sessions: SessionRepository,
    private readonly resetThrottle: ResetThrottle,
    private readonly loginThrottle: LoginThrottle,
    private readonly jobs: JobQueues,
    private readonly events: AccountEvents,
    private readonly factors: TwoFactorRepository,
  ) {}

  /**
   * Always `true`, and the same work whether or not the address has an active account: one
   * transaction that counts the request for the throttle and runs one statement writing the link
   * and its email only when there is such an account. The email is queued without waiting for
   * Redis, whose answer (or silence) would otherwise time real accounts only; should queueing
   * fail, the outbox relay sends the email a few seconds later.
   */
  async request(emailInput: string, ipAddress: string | null): Promise<true> {
    const email = emailInput.trim().toLowerCase();
    const notificationId = await this.db.transaction(async (manager) => {
      await this.resetThrottle.admit(email, ipAddress ?? UNKNOWN_ADDRESS, manager);
      return this.links.issueResetFor(email, { createdByUserId: null, ipAddress, ttlSeconds: this.config.accounts.passwordResetTtlMinutes * 60 }, manager);
    });
    if (notificationId) void this.jobs.addBestEffort(sendJobs([notificationId]));
    return true;
  }

  /**
   * Sets the new password from the reset link, which it spends, and ends every session of the
   * user, wherever it is: whoever knew the old password is out. The account's failed sign-ins
   * are forgiven, so someone locked out by them can sign in at once.
   */
  async reset(input: LinkPasswordInput, ipAddress: string | null): Promise<true> {
    const kind = AccountLinkKind.PASSWORD_RESET;
    const { linkId, user, passwordHash } = await this.linkPassword.check(kind, input);
    await this.db.transaction(async (manager) => {
      await this.linkPassword.spend(linkId, kind, manager);
      await this.users.setPasswordHash(user.id, passwordHash, manager);
      await this.sessions.endAll(user.id, SessionEndReason.PASSWORD_RESET, manager);
      // A sign-in with the old password may be waiting for its code: it ends too.
      await this.factors.endChallenges(user.id, manager);
      await this.events.record({ event: AccountEventKind.PASSWORD_RESET_DONE, actorId: user.id, userId: user.id, ipAddress }, manager);
    });
    await this.loginThrottle.succeeded(user.email);
    return true;
  }
}
