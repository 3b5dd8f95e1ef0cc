import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { countInWindow } from '../throttle-window';
import { APP_CONFIG, AppConfig, DomainError, ErrorCode, ErrorReason } from '@referloop/core';

/** One client address may ask this many times what one email address may: offices share NAT. */
const CLIENT_ALLOWANCE = 10;

/**
 * Limits password-reset requests per email address and per client address over a sliding
 * window, in PostgreSQL so the limit holds across gateway replicas. Every request counts, for an
 * account or not: the limit itself must not tell anyone which addresses have accounts. Counting
 * and recording happen under advisory locks on the client and on the address, so a burst (at one
 * address, or over many from one client) cannot slip past either limit.
 */
@Injectable()
export class ResetThrottle {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Records the request; TOO_MANY_REQUESTS (nothing recorded) when over either limit. */
  async admit(email: string, ipAddress: string): Promise<void> {
    const { resetRequestsPerAddress: limit, resetThrottleWindowSeconds: windowSeconds } = this.config.accounts;
    const retryAfter = await this.db.transaction(async (manager) => {
      // Both counts are read and added to under lock: the client's (requests over many
      // addresses at once) and the address's (from many clients). Taken in this order always,
      // so two requests never wait for each other's second lock.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`password-reset-client:${ipAddress}`]);
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`password-reset:${email}`]);
      const counts = await countInWindow(manager, 'password_reset_requests', email, ipAddress, windowSeconds);
      if (counts.byEmail >= limit || counts.byClient >= limit * CLIENT_ALLOWANCE) return counts.retryAfterSeconds;
      // The address's requests that left the window are of no further use.
      await manager.query('DELETE FROM password_reset_requests WHERE email = $1 AND at <= now() - make_interval(secs => $2)', [email, windowSeconds]);
      await manager.query('INSERT INTO password_reset_requests (email, ip_address) VALUES ($1, $2)', [email, ipAddress]);
      return null;
    });
    if (retryAfter !== null) {
      throw new DomainError(
        ErrorCode.TOO_MANY_REQUESTS,
        'Too many password resets were asked for; check your email for the ones already sent, or try again later',
        { retryAfterSeconds: retryAfter },
        ErrorReason.TOO_MANY_RESET_REQUESTS,
      );
    }
  }
}
