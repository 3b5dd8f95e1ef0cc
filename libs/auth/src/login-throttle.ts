import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { countInWindow } from './throttle-window';
import { APP_CONFIG, AppConfig, DomainError, ErrorCode, ErrorReason, KeyedSerialQueue } from '@referloop/core';

/** Failures from one address may reach this many times the per-account limit (offices share NAT). */
const ADDRESS_ALLOWANCE = 4;

/**
 * Counts failed logins per account and per address over a sliding window, in PostgreSQL so
 * the limit holds across gateway replicas. Each attempt is written down *before* the password
 * is checked, while holding a per-account advisory lock over "count, then record", so a burst
 * of parallel guesses at one account cannot slip past the limit: at most `maxFailures` ever
 * reach the password check. Within one gateway, attempts at one account also queue in
 * memory first, so a burst at one account holds one pool connection, not all of them. A
 * successful login forgives the account's failures; an attempt refused by the throttle is not
 * recorded (it tried nothing).
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount = new KeyedSerialQueue();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Records the attempt as a failure until `succeeded` says otherwise; throws when over the limit. */
  async begin(email: string, ipAddress: string): Promise<void> {
    const { maxFailures, windowSeconds } = this.config.loginThrottle;
    const refusal = await this.perAccount.run(email, () => this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`login:${email}`]);
      const counts = await countInWindow(manager, 'login_failures', email, ipAddress, windowSeconds);
      if (counts.byEmail >= maxFailures || counts.byClient >= maxFailures * ADDRESS_ALLOWANCE) return counts.retryAfterSeconds;
      await manager.query('INSERT INTO login_failures (email, ip_address, at) VALUES ($1, $2, now())', [email, ipAddress]);
      return null;
    }));
    if (refusal !== null) {
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'Too many failed sign-in attempts; try again later', {
        retryAfterSeconds: refusal,
      }, ErrorReason.TOO_MANY_SIGN_IN_FAILURES);
    }
  }

  /** Forgets the account's failures (not the address's), and its expired ones with them. */
  async succeeded(email: string): Promise<void> {
    await this.db.query('DELETE FROM login_failures WHERE email = $1', [email]);
  }
}
