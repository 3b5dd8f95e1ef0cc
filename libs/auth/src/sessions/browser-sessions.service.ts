import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor, RequestContext } from '@referloop/common';
import { DomainError, ErrorReason, notFound, requireUuid, unauthenticated } from '@referloop/core';
import { LoginService } from '../login.service';
import { TokenService } from '../token.service';
import { AuthPayload } from '../user.model';
import { UserRepository } from '../user.repository';
import { deviceLabel } from './device-label';
import { hashSecret, newSecret, SessionCredential } from './session-credential';
import { SessionCookie } from './session-cookie';
import { SessionEndReason } from './session-end-reason';
import { SessionRepository } from './session.repository';
import { UserSession } from './user-session.model';

/** What the browser session mutations read from their request, and the cookie they set on its answer. */
export type SessionRequest = Pick<RequestContext, 'authorization' | 'ipAddress' | 'userAgent' | 'cookies' | 'setCookie'>;

/** Longest user agent kept: enough to tell browsers and devices apart. */
const USER_AGENT_LENGTH = 300;

const NO_SESSION = 'Not signed in: sign in first';
const SESSION_ENDED = 'Your session has ended; sign in again';
const SESSION_EXPIRED = 'Your session has expired; sign in again';

/**
 * Sessions for the browser web app, which holds no long-lived credential a script could read:
 * signIn keeps a session credential in an HttpOnly cookie and returns a short-lived access token
 * (naming the session) that the app keeps in memory; refreshSession trades the cookie for a new
 * one and a fresh token. Each refresh replaces the cookie's secret, so a stolen copy works once
 * at most: when an already replaced secret comes back, whoever presents it is not the only one
 * holding the session, and the session ends for everyone (its access tokens with it).
 */
@Injectable()
export class BrowserSessions {
  private readonly logger = new Logger(BrowserSessions.name);

  constructor(
    private readonly logins: LoginService,
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly cookie: SessionCookie,
  ) {}

  async signIn(email: string, password: string, request: SessionRequest): Promise<AuthPayload> {
    const user = await this.logins.authenticate(email, password, request.ipAddress);
    const credential = { sessionId: randomUUID(), secret: newSecret() };
    const expiresAt = await this.sessions.create({
      id: credential.sessionId,
      userId: user.id,
      secretHash: hashSecret(credential.secret),
      ipAddress: request.ipAddress,
      userAgent: request.userAgent?.slice(0, USER_AGENT_LENGTH) ?? null,
    });
    request.setCookie(this.cookie.issued(credential, expiresAt));
    return { ...this.tokens.issue(user.id, credential.sessionId), user };
  }

  async refresh(request: SessionRequest): Promise<AuthPayload> {
    const presented = this.cookie.read(request.cookies);
    if (!presented) throw unauthenticated(NO_SESSION);
    const secret = newSecret();
    const refreshed = await this.sessions.refresh(presented.sessionId, hashSecret(presented.secret), hashSecret(secret));
    if (!refreshed) {
      request.setCookie(this.cookie.cleared());
      throw await this.refusal(presented);
    }
    // disableUser ends the user's sessions; a refresh that slipped in just before it gets no further.
    const user = await this.users.findById(refreshed.userId);
    if (!user || user.disabled) {
      request.setCookie(this.cookie.cleared());
      throw unauthenticated(SESSION_ENDED, ErrorReason.SESSION_REVOKED);
    }
    request.setCookie(this.cookie.issued({ sessionId: presented.sessionId, secret }, refreshed.expiresAt));
    return { ...this.tokens.issue(user.id, presented.sessionId), user };
  }

  /**
   * Ends this browser's session, named by the cookie (with its current secret) or by the access
   * token's `sid`, and clears the cookie. Whether a session was open to end.
   */
  async signOut(request: SessionRequest): Promise<boolean> {
    request.setCookie(this.cookie.cleared());
    const presented = this.cookie.read(request.cookies);
    const bearer = this.tokens.bearerClaims(request.authorization);
    const byCookie = presented ? await this.sessions.endWithSecret(presented.sessionId, hashSecret(presented.secret), SessionEndReason.SIGNED_OUT) : false;
    const byToken = bearer?.sessionId ? await this.sessions.end(bearer.sessionId, bearer.userId, SessionEndReason.SIGNED_OUT) : false;
    return byCookie || byToken;
  }

  /** Ends every session of the actor, on every device, and clears this browser's cookie. */
  async signOutEverywhere(actor: Actor, request: SessionRequest): Promise<boolean> {
    request.setCookie(this.cookie.cleared());
    await this.sessions.endAll(actor.userId, SessionEndReason.SIGNED_OUT_EVERYWHERE);
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
    if (id === actor.sessionId) request.setCookie(this.cookie.cleared());
    return true;
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
