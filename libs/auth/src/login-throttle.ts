import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, DomainError, ErrorCode } from '@referloop/common';

/**
 * Counts failed logins per account and per address over a sliding window, in PostgreSQL so
 * the limit holds across gateway replicas. Once either count reaches the limit, logins are
 * refused, even with the right password, until the window has passed.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(email: string, ipAddress: string): Promise<void> {
    const { maxFailures, windowSeconds } = this.config.loginThrottle;
    const rows: { by_email: number; by_ip: number; oldest: Date | null }[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE email = $1) AS by_email,
              count(*) FILTER (WHERE ip_address = $2) AS by_ip,
              min(at) AS oldest
         FROM login_failures
        WHERE (email = $1 OR ip_address = $2) AND at > now() - make_interval(secs => $3)`,
      [email, ipAddress, windowSeconds],
    );
    const { by_email, by_ip, oldest } = rows[0];
    if (by_email >= maxFailures || by_ip >= maxFailures * 4) {
      const retryAfterSeconds = oldest
        ? Math.max(1, Math.ceil((oldest.getTime() + windowSeconds * 1000 - Date.now()) / 1000))
        : windowSeconds;
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'Too many failed sign-in attempts; try again later', {
        retryAfterSeconds,
      });
    }
  }

  async recordFailure(email: string, ipAddress: string): Promise<void> {
    await this.db.query('INSERT INTO login_failures (email, ip_address, at) VALUES ($1, $2, now())', [email, ipAddress]);
  }

  /** A successful login forgives the account's earlier mistakes (not the address's). */
  async recordSuccess(email: string): Promise<void> {
    await this.db.query('DELETE FROM login_failures WHERE email = $1', [email]);
  }
}
