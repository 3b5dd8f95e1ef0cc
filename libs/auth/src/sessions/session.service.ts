import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor, RequestContext } from '@referloop/common';
import { DomainError, ErrorReason, notFound, requireUuid, unauthenticated } from '@referloop/core';
import { AccountEventKind } from '../events/account-event';
import { AccountEvents } from '../events/account-events';
import { LoginService } from '../login.service';
import { SecondFactorService } from '../two-factor/second-factor.service';
import { TokenService } from '../token.service';
import { AuthPayload, User } from '../user.model';
import { UserRepository } from '../user.repository';
import { deviceLabel } from './device-label';
import { formatCredential, hashSecret, newSecret, parseCredential, SessionCredential } from './session-credential';
import { SessionCookie } from './session-cookie';
import { SessionEndReason } from './session-end-reason';
import { SessionRepository } from './session.repository';
import { UserSession } from './user-session.model';

/** What the session mutations read from their request, and the cookie they set on its answer. */
export type SessionRequest = Pick<RequestContext, 'authorization' | 'ipAddress' | 'userAgent' | 'cookies' | 'setCookie'>;

/** Where a session is started from: what its list shows of the device. */
export type SessionOrigin = Pick<RequestContext, 'ipAddress' | 'userAgent'>;

/** Longest user agent kept: enough to tell browsers and devices apart. */
const USER_AGENT_LENGTH = 300;

const NO_SESSION = 'Not signed in: sign in first';
const SESSION_ENDED = 'Your session has ended; sign in again';
const SESSION_EXPIRED = 'Your session has expired; sign in again';

/**
 * Every way of being signed in is a session: a row holding the hash of a refresh credential,
 * and short-lived access tokens naming it. The only difference between callers is where the
 * credential travels. A browser, which must hold nothing a script could read, gets it in an
 * HttpOnly cookie (`signIn`); an API client gets it in the answer (`login`) and sends it back
 * as `refreshSession(refreshToken)`. Each refresh replaces the credential's secret, so a stolen
 * copy works once at most: when an already replaced secret comes back, whoever presents it is
 * not the only one holding the session, and the session ends for everyone (its access tokens
 * with it).
 */
@Injectable()
export class SessionService {
  private readonly logger = new Logger(SessionService.name);

  constructor(
    private readonly logins: LoginService,
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly cookie: SessionCookie,
    private readonly events: AccountEvents,
    private readonly secondFactor: SecondFactorService,
  ) {}

  /** A browser's sign-in: the credential goes into the session cookie, never into the answer. */
  async signIn(email: string, password: string, request: SessionRequest): Promise<AuthPayload> {
    return this.signInBrowser(await this.logins.authenticate(email, password, request.ipAddress), request);
  }

  /**
   * A browser session for a user who has just proved who they are (a password, an invitation
   * link), unless they have a second factor, which comes first (`codeDone` once it has).
   */
  async signInBrowser(user: User, request: SessionRequest, codeDone = false): Promise<AuthPayload> {
    const next = codeDone ? 'session' : (await this.secondFactor.afterPassword(user.id)).next;
    if (next === 'code') return this.challenged(user, 'BROWSER');
    const { credential, expiresAt } = await this.start(user.id, request, 'BROWSER');
    request.setCookie(this.cookie.issued(credential, expiresAt));
    return { ...this.tokens.issue(user.id, credential.sessionId), user, refreshToken: null, twoFactorChallenge: null, mustEnrolTwoFactor: next === 'enrol' };
  }

  /** An API client's sign-in: the credential comes back in the answer, for `refreshSession(refreshToken)`. */
  async login(email: string, password: string, origin: SessionOrigin): Promise<AuthPayload> {
    return this.open(await this.logins.authenticate(email, password, origin.ipAddress), origin);
  }

  /**
   * A session for a user whose credentials were checked already, with its refresh credential in
   * the answer, unless they have a second factor, which comes first (`codeDone` once it has).
   */
  async open(user: User, origin: SessionOrigin, codeDone = false): Promise<AuthPayload> {
    const next = codeDone ? 'session' : (await this.secondFactor.afterPassword(user.id)).next;
    if (next === 'code') return this.challenged(user, 'API');
    const { credential } = await this.start(user.id, origin, 'API');
    return { ...this.tokens.issue(user.id, credential.sessionId), user, refreshToken: formatCredential(credential), twoFactorChallenge: null, mustEnrolTwoFactor: next === 'enrol' };
  }

  /** The second step of a sign-in: the code completes the challenge, and the session starts as the first step would have. */
  async verifySignInCode(token: string, code: string, request: SessionRequest): Promise<AuthPayload> {
    const challenge = await this.secondFactor.pass(token, code, request.ipAddress);
    const user = await this.users.findById(challenge.userId);
    if (!user || user.disabled) throw unauthenticated(SESSION_ENDED, ErrorReason.SESSION_REVOKED);
    return challenge.client === 'BROWSER' ? this.signInBrowser(user, request, true) : this.open(user, request, true);
  }

  /** The password was right; the code comes next. No session, no token yet. */
  private async challenged(user: User, client: 'BROWSER' | 'API'): Promise<AuthPayload> {
    const twoFactorChallenge = await this.secondFactor.challenge(user.id, client);
    return { accessToken: null, expiresAt: null, user, refreshToken: null, twoFactorChallenge, mustEnrolTwoFactor: false };
  }

  /**
   * A fresh access token, and the credential's next secret: in the answer when the credential
   * came as `refreshToken`, else in the cookie it came in.
   */
  async refresh(request: SessionRequest, refreshToken?: string | null): Promise<AuthPayload> {
    const fromClient = typeof refreshToken === 'string';
    const presented = fromClient ? parseCredential(refreshToken) : this.cookie.read(request.cookies);
    const clearCookie = () => {
      if (!fromClient) request.setCookie(this.cookie.cleared());
    };
    if (!presented) throw unauthenticated(NO_SESSION);
    const secret = newSecret();
    const refreshed = await this.sessions.refresh(presented.sessionId, hashSecret(presented.secret), hashSecret(secret));
    if (!refreshed) {
      clearCookie();
      throw await this.refusal(presented);
    }
    // disableUser ends the user's sessions; a refresh that slipped in just before it gets no further.
    const user = await this.users.findById(refreshed.userId);
    if (!user || user.disabled) {
      clearCookie();
      throw unauthenticated(SESSION_ENDED, ErrorReason.SESSION_REVOKED);
    }
    const next = { sessionId: presented.sessionId, secret };
    if (!fromClient) request.setCookie(this.cookie.issued(next, refreshed.expiresAt));
    return {
      ...this.tokens.issue(user.id, presented.sessionId),
      user,
      refreshToken: fromClient ? formatCredential(next) : null,
      twoFactorChallenge: null,
      mustEnrolTwoFactor: refreshed.needsSecondFactor,
    };
  }

  /**
   * Ends this caller's session, named by the cookie (with its current secret) or by the access
   * token's `sid`, and clears the cookie. Whether a session was open to end.
   */
  async signOut(request: SessionRequest): Promise<boolean> {
    request.setCookie(this.cookie.cleared());
    const presented = this.cookie.read(request.cookies);
    const byCookie = presented ? await this.sessions.endWithSecret(presented.sessionId, hashSecret(presented.secret), SessionEndReason.SIGNED_OUT) : false;
    const byToken = await this.endTokenSession(request.authorization);
    return byCookie || byToken;
  }

  /** Ends the session that the token of an `Authorization: Bearer` value names; whether one was open. */
  async endTokenSession(authorization: string | undefined): Promise<boolean> {
    const bearer = this.tokens.bearerClaims(authorization);
    return bearer ? this.sessions.end(bearer.sessionId, bearer.userId, SessionEndReason.SIGNED_OUT) : false;
  }

  /**
   * For a client that holds only the access token and never refreshes (the admin pages' cookie):
   * the session ends when the token does, rather than lingering open until its idle timeout.
   */
  async endWithToken(accessToken: string): Promise<void> {
    const bearer = this.tokens.bearerClaims(`Bearer ${accessToken}`);
    if (bearer) await this.sessions.endBy(bearer.sessionId, bearer.expiresAt);
  }

  /** Ends every session of the actor, on every device, and clears this browser's cookie. */
  async signOutEverywhere(actor: Actor, request: SessionRequest): Promise<boolean> {
    request.setCookie(this.cookie.cleared());
    await this.sessions.endAll(actor.userId, SessionEndReason.SIGNED_OUT_EVERYWHERE);
    await this.events.record({ event: AccountEventKind.SESSION_REVOKED, actorId: actor.userId, userId: actor.userId, ipAddress: actor.ipAddress, detail: SessionEndReason.SIGNED_OUT_EVERYWHERE });
    return true;
  }

  /** The actor's open sessions, the most recently used first, the one this request comes from marked. */
  async list(actor: Actor): Promise<UserSession[]> {
    const open = await this.sessions.openOf(actor.userId);
    return open.map((session) => ({
      id: session.id,
      device: deviceLabel(session.userAgent),
      ipAddress: session.ipAddress,
      createdAt: session.createdAt,
      lastUsedAt: session.lastUsedAt,
      expiresAt: session.expiresAt,
      current: session.id === actor.sessionId,
    }));
  }

  /**
   * Ends one of the actor's own open sessions: its cookie no longer refreshes and its access
   * tokens stop working at once. Any other id (another user's, one already ended, none at all) is
   * NOT_FOUND, so nobody learns which sessions exist. Ending the current one clears its cookie too.
   */
  async revoke(actor: Actor, id: string, request: SessionRequest): Promise<true> {
    const ended = await this.sessions.end(requireUuid(id, 'id'), actor.userId, SessionEndReason.REVOKED);
    if (!ended) throw notFound('Session');
    await this.events.record({ event: AccountEventKind.SESSION_REVOKED, actorId: actor.userId, userId: actor.userId, ipAddress: actor.ipAddress, detail: SessionEndReason.REVOKED });
    if (id === actor.sessionId) request.setCookie(this.cookie.cleared());
    return true;
  }

  /** Opens a session for the user; its credential is handed out once, and only its hash is kept. */
  private async start(userId: string, origin: SessionOrigin, client: 'BROWSER' | 'API'): Promise<{ credential: SessionCredential; expiresAt: Date }> {
    const credential = { sessionId: randomUUID(), secret: newSecret() };
    const expiresAt = await this.sessions.create({
      id: credential.sessionId,
      userId,
      secretHash: hashSecret(credential.secret),
      ipAddress: origin.ipAddress,
      userAgent: origin.userAgent?.slice(0, USER_AGENT_LENGTH) ?? null,
    });
    await this.events.record({ event: AccountEventKind.SIGN_IN_SUCCEEDED, actorId: userId, userId, ipAddress: origin.ipAddress, detail: client });
    return { credential, expiresAt };
  }

  /** Why a refresh matched nothing, and the error that says so; ends the session when its secret was reused. */
  private async refusal(presented: SessionCredential): Promise<DomainError> {
    const session = await this.sessions.standing(presented.sessionId);
    if (!session) return unauthenticated(NO_SESSION);
    if (session.ended) return unauthenticated(SESSION_ENDED, ErrorReason.SESSION_REVOKED);
    if (session.expired) return unauthenticated(SESSION_EXPIRED, ErrorReason.SESSION_EXPIRED);
    // Open, and still the refresh matched nothing: its secret is no longer the one presented. A
    // refresh replaced that one, so someone else holds (or held) this session too. Which of the
    // two is the user cannot be told; both lose it, and the user signs in again.
    if (await this.sessions.end(presented.sessionId, session.userId, SessionEndReason.CREDENTIAL_REUSED)) {
      this.logger.warn(`Ended session ${presented.sessionId} of user ${session.userId}: a replaced session cookie was presented again`);
    }
    return unauthenticated(SESSION_ENDED, ErrorReason.SESSION_REVOKED);
  }
}
