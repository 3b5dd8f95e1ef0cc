import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
import { sign, verify } from 'jsonwebtoken';
import { APP_CONFIG, AppConfig, isUuid, unauthenticated } from '@referloop/core';

const ISSUER = 'referloop';

/** Signs and verifies the HS256 access tokens; the subject is the user id. */
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

  issue(userId: string): { accessToken: string; expiresAt: Date } {
    const accessToken = sign({}, this.key, {
      algorithm: 'HS256',
      subject: userId,
      issuer: ISSUER,
      expiresIn: this.config.jwtTtlSeconds,
    });
    return { accessToken, expiresAt: new Date(Date.now() + this.config.jwtTtlSeconds * 1000) };
  }

  /** The user id of an `Authorization: Bearer <token>` header holding a valid token, else null (never throws). */
  bearerUserId(authorization: string | undefined): string | null {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return null;
    try {
      return this.verify(match[1]);
    } catch {
      return null;
    }
  }

  /** The user id inside a valid, unexpired token. */
  verify(token: string): string {
    return this.verifyClaims(token).userId;
  }

  /** The user id and expiry of a valid, unexpired token (a live connection ends at the expiry). */
  verifyClaims(token: string): { userId: string; expiresAt: Date } {
    try {
      const claims = verify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER });
      // Only tokens this service issued pass: a user id as subject and an expiry.
      if (typeof claims === 'string' || !isUuid(claims.sub) || typeof claims.exp !== 'number') throw new Error('not ours');
      return { userId: claims.sub, expiresAt: new Date(claims.exp * 1000) };
    } catch {
      throw unauthenticated('Your session is invalid or has expired; sign in again');
    }
  }
}
