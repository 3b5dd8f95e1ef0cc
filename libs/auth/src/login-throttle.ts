import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, DomainError, ErrorCode } from '@referloop/common';

/** Failures from one address may reach this many times the per-account limit (offices share NAT). */
const ADDRESS_ALLOWANCE = 4;

/**
 * Counts failed logins per account and per address over a sliding window, in PostgreSQL so
 * the limit holds across gateway replicas. Every attempt is written down *before* the password
 * is checked and counted after, so a burst of parallel guesses cannot all slip in under the
 * limit: at most `maxFailures` of them ever reach the password check. A successful login
 * forgives the account's failures; a refused attempt is not counted.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Records the attempt as a failure until `succeeded` says otherwise; throws when over the limit. */
  async begin(email: string, ipAddress: string): Promise<void> {
    const { maxFailures, windowSeconds } = this.config.loginThrottle;
    const inserted: { id: number }[] = await this.db.query(
      'INSERT INTO login_failures (email, ip_address, at) VALUES ($1, $2, now()) RETURNING id',
      [email, ipAddress],
    );
    const rows: { by_email: number; by_ip: number; oldest: Date | null }[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE email = $1) AS by_email,
              count(*) FILTER (WHERE ip_address = $2) AS by_ip,
              min(at) AS oldest
         FROM login_failures
        WHERE (email = $1 OR ip_address = $2) AND at > now() - make_interval(secs => $3)`,
      [email, ipAddress, windowSeconds],
    );
    const { by_email, by_ip, oldest } = rows[0];
    if (by_email <= maxFailures && by_ip <= maxFailures * ADDRESS_ALLOWANCE) return;

    await this.db.query('DELETE FROM login_failures WHERE id = $1', [inserted[0].id]);
    const retryAfterSeconds = oldest
      ? Math.max(1, Math.ceil((oldest.getTime() + windowSeconds * 1000 - Date.now()) / 1000))
      : windowSeconds;
    throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'Too many failed sign-in attempts; try again later', { retryAfterSeconds });
  }

  /** Forgets the account's failures (not the address's), and its expired ones with them. */
  async succeeded(email: string): Promise<void> {
    await this.db.query('DELETE FROM login_failures WHERE email = $1', [email]);
  }
}
