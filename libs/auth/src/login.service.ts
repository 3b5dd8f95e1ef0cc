import { Injectable } from '@nestjs/common';
import { unauthenticated } from '@referloop/core';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password-hasher';
import { LoginThrottle } from './login-throttle';
import { TokenService } from './token.service';
import { AuthPayload } from './user.model';
import { UserRepository } from './user.repository';

/** Attempts without a usable client address share one throttle bucket. */
const UNKNOWN_ADDRESS = 'unknown';

@Injectable()
export class LoginService {
  constructor(
    private readonly users: UserRepository,
    private readonly throttle: LoginThrottle,
    private readonly tokens: TokenService,
  ) {}

  async login(emailInput: string, password: string, ipAddress: string | null): Promise<AuthPayload> {
    const email = emailInput.trim().toLowerCase();
    await this.throttle.begin(email, ipAddress ?? UNKNOWN_ADDRESS);

    const found = await this.users.findCredentials(email);
    // Verify against a dummy hash for unknown accounts so timing does not reveal which exist.
    const valid = await verifyPassword(password, found?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!found || !valid || found.user.disabled) throw unauthenticated('Email or password is incorrect');
    await this.throttle.succeeded(email);
    return { ...this.tokens.issue(found.user.id), user: found.user };
  }
}
