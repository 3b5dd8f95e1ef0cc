import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig, badInput, DomainError, ErrorCode, ErrorReason, unauthenticated } from '@referloop/core';
import { AccountEventKind } from '../events/account-event';
import { AccountEvents } from '../events/account-events';
import { formatCredential, hashSecret, newSecret, parseCredential } from '../sessions/session-credential';
import { acceptedStep } from './totp';
import { TotpSecretBox } from './totp-secret-box';
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes';
import { OpenChallenge, TwoFactorRepository } from './two-factor.repository';

/** How long the code may take after the password. */
const CHALLENGE_TTL_SECONDS = 5 * 60;

/** What comes after a correct password. */
export type AfterPassword = { next: 'session' } | { next: 'enrol' } | { next: 'code' };

export interface IssuedChallenge {
  token: string;
  expiresAt: Date;
}

const START_OVER = 'Your sign-in has expired or was refused too often; enter your email and password again';

/**
 * The second step of signing in, for users with an authenticator: the password step answers a
 * challenge (a secret good for 5 minutes), and the code (or a recovery code) completes it. A code
 * is accepted within a step either side of now, and never twice.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly factors: TwoFactorRepository,
    private readonly box: TotpSecretBox,
    private readonly events: AccountEvents,
  ) {}

  /** After the password: a session at once, a session that may only enrol, or a code first. */
  async afterPassword(userId: string): Promise<AfterPassword> {
    const factor = await this.factors.factorOf(userId);
    if (factor?.confirmed) return { next: 'code' };
    if (await this.factors.required(userId, this.config.twoFactorRequiredForPlatformAdmins)) return { next: 'enrol' };
    return { next: 'session' };
  }

  async challenge(userId: string, client: 'BROWSER' | 'API'): Promise<IssuedChallenge> {
    const credential = { sessionId: randomUUID(), secret: newSecret() };
    const expiresAt = await this.factors.createChallenge({ id: credential.sessionId, userId, secretHash: hashSecret(credential.secret), client, ttlSeconds: CHALLENGE_TTL_SECONDS });
    return { token: formatCredential(credential), expiresAt };
  }

  /**
   * Completes the challenge with a code from the app or a recovery code: the user and the kind
   * of client to sign in. A wrong code is refused on `input.code` (five per challenge); a
   * challenge that is spent, expired or unknown is UNAUTHENTICATED: start again.
   */
  async pass(token: string, code: string, ipAddress: string | null): Promise<OpenChallenge> {
    const parsed = parseCredential(token);
    const { maxFailures, windowSeconds } = this.config.loginThrottle;
    const challenge = parsed ? await this.factors.attempt(parsed.sessionId, hashSecret(parsed.secret), maxFailures, windowSeconds) : null;
    if (challenge === 'throttled') {
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'Too many wrong codes; try again later', { retryAfterSeconds: windowSeconds }, ErrorReason.TOO_MANY_SIGN_IN_FAILURES);
    }
    if (!parsed || !challenge) throw unauthenticated(START_OVER);
    const accepted = await this.accepts(challenge.userId, code);
    if (!accepted) {
      await this.events.record({ event: AccountEventKind.SIGN_IN_FAILED, actorId: null, userId: challenge.userId, ipAddress, detail: 'WRONG_CODE' });
      throw badInput('input.code', 'That code is not the one your authenticator app shows now, nor an unused recovery code');
    }
    if (!(await this.factors.succeed(parsed.sessionId))) throw unauthenticated(START_OVER);
    if (accepted === 'recovery') await this.events.record({ event: AccountEventKind.RECOVERY_CODE_USED, actorId: challenge.userId, userId: challenge.userId, ipAddress });
    return challenge;
  }

  private async accepts(userId: string, code: string): Promise<'totp' | 'recovery' | null> {
    if (looksLikeRecoveryCode(code)) return (await this.factors.useRecoveryCode(userId, hashRecoveryCode(userId, code))) ? 'recovery' : null;
    const factor = await this.factors.factorOf(userId);
    if (!factor?.confirmed) return null;
    const step = acceptedStep(await this.box.open(factor.secretCiphertext), code, Date.now(), factor.lastUsedStep);
    // Recorded only if no sign-in used this step or a later one meanwhile: a code works once.
    return step !== null && (await this.factors.useStep(userId, step)) ? 'totp' : null;
  }
}
