import { Injectable } from '@nestjs/common';
import { unauthenticated } from '@referloop/core';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password-hasher';
import { LoginThrottle } from './login-throttle';
import { User } from './user.model';
import { UserRepository } from './user.repository';

/** Attempts without a usable client address share one throttle bucket. */
const UNKNOWN_ADDRESS = 'unknown';

@Injectable()
export class LoginService {
  constructor(
    private readonly users: UserRepository,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * The user an email and password belong to, for every way of signing in (`login`, a browser's
   * `signIn`, the admin pages): throttled per account and address, equally slow for accounts
   * that do not exist, and one answer for every refusal.
   */
  async authenticate(emailInput: string, password: string, ipAddress: string | null): Promise<User> {
    const user = await this.checked(emailInput, password, ipAddress);
    if (!user) throw unauthenticated('Email or password is incorrect');
    return user;
  }

  /**
   * Whether `password` is the password of the account `email`, throttled like a sign-in, so that
   * someone holding a session cannot guess the password through a form that asks for it again.
   */
  async confirmsPassword(email: string, password: string, ipAddress: string | null): Promise<boolean> {
    return (await this.checked(email, password, ipAddress)) !== null;
  }

  /** The active user the email and password belong to, or null: the one check behind both of the above. */
  private async checked(emailInput: string, password: string, ipAddress: string | null): Promise<User | null> {
    const email = emailInput.trim().toLowerCase();
    await this.throttle.begin(email, ipAddress ?? UNKNOWN_ADDRESS);

    const found = await this.users.findCredentials(email);
    // Verify against a dummy hash for unknown accounts so timing does not reveal which exist.
    const valid = await verifyPassword(password, found?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    // An invited user who has not chosen a password yet has none to sign in with.
    if (!found || found.passwordHash === null || !valid || found.user.disabled) return null;
    await this.throttle.succeeded(email);
    return found.user;
  }
}
