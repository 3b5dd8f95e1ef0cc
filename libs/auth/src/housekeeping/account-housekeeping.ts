import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MAX_THROTTLE_WINDOW_SECONDS } from '@referloop/core';

/** Rows deleted per statement: each delete is a short transaction that never holds many locks. */
const BATCH = 5000;

/**
 * Sessions are kept this long after they end or expire: enough to answer a late refresh with
 * "your session has ended" rather than "not signed in"; who signed in when stays in the account
 * events, which are never purged.
 */
const ENDED_SESSION_DAYS = 30;

/** An enrolment begun and never confirmed is dropped after a day (a second `begin` replaces it anyway). */
const UNCONFIRMED_FACTOR_HOURS = 24;

/**
 * Rows that only matter for a while, and the condition under which one no longer does. The
 * throttles' rows are kept as long as any window may be configured, since the worker need not
 * share the gateway's settings.
 */
const PURGEABLE: readonly { table: string; done: string }[] = [
  // A challenge lasts minutes; its wrong codes count per account over the sign-in throttle's window
  // from when it was made (`attempt`), so it is kept that window past its end.
  { table: 'sign_in_challenges', done: `expires_at < now() - make_interval(secs => ${MAX_THROTTLE_WINDOW_SECONDS})` },
  { table: 'login_failures', done: `at < now() - make_interval(secs => ${MAX_THROTTLE_WINDOW_SECONDS})` },
  { table: 'password_reset_requests', done: `at < now() - make_interval(secs => ${MAX_THROTTLE_WINDOW_SECONDS})` },
  { table: 'user_sessions', done: `LEAST(revoked_at, expires_at) < now() - make_interval(days => ${ENDED_SESSION_DAYS})` },
  { table: 'totp_factors', done: `confirmed_at IS NULL AND created_at < now() - make_interval(hours => ${UNCONFIRMED_FACTOR_HOURS})` },
];

/** How many rows each table lost in one purge. */
export type PurgedRows = Record<string, number>;

/**
 * Deletes what the account tables keep only for a while: sign-in challenges, the throttles'
 * counts of failed sign-ins and reset requests once out of any window, long-ended sessions
 * and abandoned enrolments. The worker runs it periodically; each is otherwise only pruned as
 * it is used, so addresses typed once, by someone guessing, would stay for ever.
 */
@Injectable()
export class AccountHousekeeping {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async purge(): Promise<PurgedRows> {
    const purged: PurgedRows = {};
    for (const { table, done } of PURGEABLE) {
      purged[table] = 0;
      for (;;) {
        const [, deleted] = await this.db.query<[unknown[], number]>(`DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM ${table} WHERE ${done} LIMIT ${BATCH})`);
        purged[table] += deleted;
        if (deleted < BATCH) break;
      }
    }
    return purged;
  }
}
