import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
import { sign, verify } from 'jsonwebtoken';
import { APP_CONFIG, AppConfig, DomainError, isUuid, unauthenticated } from '@referloop/core';

const ISSUER = 'referloop';

/** What a valid access token says. */
export interface AccessClaims {
  userId: string;
  /** The session the token was issued for: every token names one, so that ending it ends the token. */
  sessionId: string;
  /** A live connection ends at the expiry. */
  expiresAt: Date;
}

/**
 * Signs and verifies the HS256 access tokens; the subject is the user id, and `sid` the session
 * a token belongs to, so that ending the session ends its tokens at once.
 */
@Injectable()
export class TokenService {
  /**
   * Built once: handed a string, jsonwebtoken first tries to parse it as a public key and then
   * builds a secret key from it on every call, which profiling showed to be the most expensive
   * step of an authenticated request.
   */
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret));
  }

  issue(userId: string, sessionId: string): { accessToken: string; expiresAt: Date } {
    const accessToken = sign({ sid: sessionId }, this.key, {
      algorithm: 'HS256',
      subject: userId,
      issuer: ISSUER,
      expiresIn: this.config.jwtTtlSeconds,
    });
    return { accessToken, expiresAt: new Date(Date.now() + this.config.jwtTtlSeconds * 1000) };
  }

  /** The claims of an `Authorization: Bearer <token>` header holding a valid token, else null. */
  bearerClaims(authorization: string | undefined): AccessClaims | null {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return null;
    try {
      return this.verify(match[1]);
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
  }

  /** The claims of a valid, unexpired token; UNAUTHENTICATED for any other. */
  verify(token: string): AccessClaims {
    try {
      const claims = verify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER });
      // Only tokens this service issued pass: a user id as subject, an expiry, and a session id.
      if (typeof claims === 'string' || !isUuid(claims.sub) || typeof claims.exp !== 'number') throw new Error('not ours');
      const sid: unknown = claims.sid;
      if (!isUuid(sid)) throw new Error('not ours');
      return { userId: claims.sub, sessionId: sid, expiresAt: new Date(claims.exp * 1000) };
    } catch {
      throw unauthenticated('Your session is invalid or has expired; sign in again');
    }
  }
}
