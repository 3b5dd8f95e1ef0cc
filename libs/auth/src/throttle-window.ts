import { EntityManager } from 'typeorm';

/** The tables of the sign-in and password-reset throttles: one row per counted attempt. */
type ThrottleTable = 'login_failures' | 'password_reset_requests';

/** What one throttle table holds within its sliding window for an email address and a client address. */
export interface WindowCounts {
  byEmail: number;
  byClient: number;
  /** Seconds until the oldest counted attempt leaves the window: when to try again if refused now. */
  retryAfterSeconds: number;
}

/** Counts both at once; the caller holds the advisory locks that make "count, then record" safe. */
export async function countInWindow(manager: EntityManager, table: ThrottleTable, email: string, ipAddress: string, windowSeconds: number): Promise<WindowCounts> {
  const rows: { by_email: number; by_ip: number; oldest: Date | null }[] = await manager.query(
    `SELECT count(*) FILTER (WHERE email = $1)::int AS by_email, count(*) FILTER (WHERE ip_address = $2)::int AS by_ip, min(at) AS oldest
       FROM ${table}
      WHERE (email = $1 OR ip_address = $2) AND at > now() - make_interval(secs => $3)`,
    [email, ipAddress, windowSeconds],
  );
  const { by_email, by_ip, oldest } = rows[0];
  const retryAfterSeconds = oldest ? Math.max(1, Math.ceil((oldest.getTime() + windowSeconds * 1000 - Date.now()) / 1000)) : windowSeconds;
  return { byEmail: by_email, byClient: by_ip, retryAfterSeconds };
}
