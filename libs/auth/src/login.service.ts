import { Injectable } from '@nestjs/common';
import { unauthenticated } from '@referloop/core';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password-hasher';
import { AccountEventKind } from './events/account-event';
import { AccountEvents } from './events/account-events';
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
    private readonly events: AccountEvents,
  ) {}

  /**
   * The user an email and password belong to, for every way of signing in (`login`, a browser's
   * `signIn`, the admin pages): throttled per account and address, equally slow for accounts
   * that do not exist, and one answer for every refusal.
   */
  async authenticate(emailInput: string, password: string, ipAddress: string | null): Promise<User> {
    const checked = await this.checked(emailInput, password, ipAddress, true);
    if (!checked.user) throw unauthenticated('Email or password is incorrect');
    return checked.user;
  }

  /**
   * Whether `password` is the password of the account `email`, throttled like a sign-in, so that
   * someone holding a session cannot guess the password through a form that asks for it again.
   */
  async confirmsPassword(email: string, password: string, ipAddress: string | null): Promise<boolean> {
    return (await this.checked(email, password, ipAddress, false)).user !== null;
  }

  /**
   * The active user the email and password belong to, or null: the one check behind both of the
   * above. A refused sign-in (`signingIn`) is recorded with why, for the account if there is one.
   */
  private async checked(emailInput: string, password: string, ipAddress: string | null, signingIn: boolean): Promise<{ user: User | null }> {
    const email = emailInput.trim().toLowerCase();
    const found = await this.users.findCredentials(email);
    const refused = async (detail: string) => {
      if (signingIn) await this.events.record({ event: AccountEventKind.SIGN_IN_FAILED, actorId: null, userId: found?.user.id ?? null, ipAddress, detail });
      // A password asked again of someone signed in: their own account, by them.
      else if (found) await this.events.record({ event: AccountEventKind.PASSWORD_RECHECK_FAILED, actorId: found.user.id, userId: found.user.id, ipAddress, detail });
      return { user: null };
    };
    try {
      await this.throttle.begin(email, ipAddress ?? UNKNOWN_ADDRESS);
    } catch (error) {
      await refused('THROTTLED');
      throw error;
    }
    // Verify against a dummy hash for unknown accounts so timing does not reveal which exist.
    const valid = await verifyPassword(password, found?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!found) return refused('UNKNOWN_ACCOUNT');
    // An invited user who has not chosen a password yet has none to sign in with.
    if (found.passwordHash === null) return refused('NO_PASSWORD_YET');
    if (!valid) return refused('WRONG_PASSWORD');
    if (found.user.disabled) return refused('DISABLED');
    await this.throttle.succeeded(email);
    return { user: found.user };
  }
}
