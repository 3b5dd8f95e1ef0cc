import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Records the request in the caller's transaction, whose end releases the locks; TOO_MANY_REQUESTS
   * when over either limit (and the caller's transaction records nothing).
   */
  async admit(email: string, ipAddress: string, manager: EntityManager): Promise<void> {
    const { resetRequestsPerAddress: limit, resetThrottleWindowSeconds: windowSeconds } = this.config.accounts;
    // Both counts are read and added to under lock: the client's (requests over many addresses
    // at once) and the address's (from many clients). Taken in this order always, so two
    // requests never wait for each other's second lock.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`password-reset-client:${ipAddress}`]);
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`password-reset:${email}`]);
    const counts = await countInWindow(manager, 'password_reset_requests', email, ipAddress, windowSeconds);
    if (counts.byEmail >= limit || counts.byClient >= limit * CLIENT_ALLOWANCE) {
      throw new DomainError(
        ErrorCode.TOO_MANY_REQUESTS,
        'Too many password resets were asked for; check your email for the ones already sent, or try again later',
        { retryAfterSeconds: counts.retryAfterSeconds },
        ErrorReason.TOO_MANY_RESET_REQUESTS,
      );
    }
    // Requests that left the window are of no further use: this address's, and a few of anyone's,
    // so addresses typed once are not kept for ever.
    await manager.query(
      `DELETE FROM password_reset_requests WHERE id IN (
         SELECT id FROM password_reset_requests WHERE at <= now() - make_interval(secs => $2) ORDER BY (email = $1) DESC, at LIMIT 100)`,
      [email, windowSeconds],
    );
    await manager.query('INSERT INTO password_reset_requests (email, ip_address) VALUES ($1, $2)', [email, ipAddress]);
  }
}
