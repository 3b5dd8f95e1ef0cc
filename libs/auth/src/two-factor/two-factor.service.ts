import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@referloop/common';
import { APP_CONFIG, AppConfig, badInput, DomainError, ErrorCode, notFound } from '@referloop/core';
import { AccountEventKind } from '../events/account-event';
import { AccountEvents } from '../events/account-events';
import { LoginService } from '../login.service';
import { SessionEndReason } from '../sessions/session-end-reason';
import { SessionRepository } from '../sessions/session.repository';
import { User } from '../user.model';
import { UserRepository } from '../user.repository';
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';
import { acceptedStep, newTotpSecret, otpauthUri } from './totp';
import { TotpSecretBox } from './totp-secret-box';
import { TotpEnrolment, TwoFactorStatus } from './two-factor.model';
import { TwoFactorRepository } from './two-factor.repository';

/** How long an enrolment begun but not confirmed keeps its secret for a second `begin`. */
const PENDING_REUSE_SECONDS = 10 * 60;

/**
 * Enrolling an authenticator app (TOTP): a secret to scan, confirmed with a code from the app,
 * which turns two-factor sign-in on and hands out ten recovery codes, shown once. A session that
 * signed in only to enrol (the user must use it and had not) becomes a full one.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly factors: TwoFactorRepository,
    private readonly box: TotpSecretBox,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly logins: LoginService,
    private readonly events: AccountEvents,
  ) {}

  async status(actor: Actor): Promise<TwoFactorStatus> {
    const factor = await this.factors.factorOf(actor.userId);
    return {
      enabled: factor?.confirmed ?? false,
      required: await this.factors.required(actor.userId, this.config.twoFactorRequiredForPlatformAdmins),
      recoveryCodesLeft: factor?.confirmed ? await this.factors.recoveryCodesLeft(actor.userId) : 0,
    };
  }

  async begin(actor: Actor): Promise<TotpEnrolment> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw notFound('User');
    // Asked again while the person is still scanning (a second tab, a page drawn twice): the same
    // secret, so the code their app shows is the one confirmed. Only to the session that began
    // it: another session of the account (one left open elsewhere) gets a new secret instead of
    // learning the one about to be turned on.
    const pending = await this.factors.factorOf(user.id);
    if (pending && !pending.confirmed && pending.ageSeconds < PENDING_REUSE_SECONDS && pending.enrollingSessionId === actor.sessionId) {
      const secret = await this.box.open(pending.secretCiphertext);
      return { otpauthUri: otpauthUri(secret, user.email), secret };
    }
    const secret = newTotpSecret();
    if (!(await this.factors.saveUnconfirmed(user.id, await this.box.seal(secret), actor.sessionId))) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Two-factor sign-in is on already; remove it first to move to another app');
    }
    return { otpauthUri: otpauthUri(secret, user.email), secret };
  }

  /**
   * Turns it on with a code from the app and the password again; the recovery codes, which are
   * never shown again. The user's other sessions end: they were opened without the code, and one
   * of them may be why the user is doing this.
   */
  async confirm(actor: Actor, code: string, password: string): Promise<string[]> {
    await this.confirmPassword(actor, password);
    const factor = await this.factors.factorOf(actor.userId);
    if (!factor || factor.confirmed) throw badInput('input.code', factor ? 'Two-factor sign-in is on already' : 'Begin the enrolment first: scan the code it shows');
    if (factor.enrollingSessionId !== actor.sessionId) throw badInput('input.code', 'The enrolment was begun again elsewhere: begin it again here and scan the new code');
    const step = acceptedStep(await this.box.open(factor.secretCiphertext), code, Date.now(), null);
    if (step === null) throw badInput('input.code', 'That code is not the one your authenticator app shows now; type the current one');
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.db.transaction(async (manager) => {
      const hashes = codes.map((recoveryCode) => hashRecoveryCode(actor.userId, recoveryCode));
      if (!(await this.factors.confirm(actor.userId, factor.secretCiphertext, step, hashes, manager))) {
        throw badInput('input.code', 'The enrolment changed meanwhile (begun again, or already confirmed): begin it again');
      }
      await this.sessions.endAllBut(actor.userId, actor.sessionId, SessionEndReason.SECOND_FACTOR_ENROLLED, manager);
      await this.events.record({ event: AccountEventKind.TWO_FACTOR_ENROLLED, actorId: actor.userId, userId: actor.userId, ipAddress: actor.ipAddress }, manager);
    });
    return codes;
  }

  /** Turns it off, given the password again. A user who must use it enrols again at the next sign-in. */
  async remove(actor: Actor, password: string): Promise<true> {
    const user = await this.confirmPassword(actor, password);
    const required = await this.factors.required(user.id, this.config.twoFactorRequiredForPlatformAdmins);
    await this.db.transaction(async (manager) => {
      if (!(await this.factors.remove(user.id, manager))) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Two-factor sign-in is not on');
      await this.factors.endChallenges(user.id, manager);
      // The account must use it: every other session ends, and this one may only enrol again
      // (the rule reads the factor's absence at the next request).
      if (required) await this.sessions.endAllBut(user.id, actor.sessionId, SessionEndReason.SECOND_FACTOR_REMOVED, manager);
      await this.events.record({ event: AccountEventKind.TWO_FACTOR_REMOVED, actorId: actor.userId, userId: user.id, ipAddress: actor.ipAddress }, manager);
    });
    return true;
  }

  /** The actor, when `password` is theirs; refused on `input.password` otherwise (and counted like a failed sign-in). */
  private async confirmPassword(actor: Actor, password: string): Promise<User> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw notFound('User');
    if (!(await this.logins.confirmsPassword(user.email, password, actor.ipAddress))) throw badInput('input.password', 'password is not the password you sign in with');
    return user;
  }
}
