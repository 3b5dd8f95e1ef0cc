import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig, unauthenticated } from '@referloop/common';

interface TokenClaims {
  sub: string;
}

@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.jwt = new JwtService({
      secret: config.jwtSecret,
      signOptions: { algorithm: 'HS256', expiresIn: config.jwtTtlSeconds, issuer: 'referloop' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'referloop' },
    });
  }

  issue(userId: string): { accessToken: string; expiresAt: Date } {
    const accessToken = this.jwt.sign({ sub: userId } satisfies TokenClaims);
    return { accessToken, expiresAt: new Date(Date.now() + this.config.jwtTtlSeconds * 1000) };
  }

  /** The user id inside a valid, unexpired token. */
  verify(token: string): string {
    try {
      const claims = this.jwt.verify<TokenClaims>(token);
      if (typeof claims.sub !== 'string') throw new Error('no subject');
      return claims.sub;
    } catch {
      throw unauthenticated('Your session is invalid or has expired; sign in again');
    }
  }
}
