import { Client } from 'pg';

/**
 * Row count and content digest of every table of the application, taken in one statement, so
 * a request that failed can be shown to have written nothing: neither a row added or removed
 * (the count) nor a row changed in place (the digest, for an update that went half-way).
 *
 * Left out, because they record failures by design and a failing request is meant to add to
 * them:
 *   - audit_entries: reads and refused attempts on patients and referrals are audited;
 *   - login_failures: every failed sign-in is written down before the password is checked (the
 *     login throttle), and a successful one deletes the account's rows;
 *   - account_events: a failed sign-in is an account event, with its reason;
 *   - sign_in_challenges: a wrong second-factor code counts against its challenge.
 * Everything else is compared, the migrations table and app_secrets included: no request may
 * touch them, failing or not (LINK_SECRET is configured in the tests, so app_secrets is never
 * filled on first use).
 */
const RECORD_FAILURES_BY_DESIGN = new Set(['audit_entries', 'login_failures', 'account_events', 'sign_in_challenges']);

export type TableSnapshot = Record<string, { rows: number; digest: string }>;

export class TableSnapshots {
  private constructor(
    private readonly client: Client,
    private readonly statement: string,
    readonly tables: readonly string[],
  ) {}

  static async open(databaseUrl: string): Promise<TableSnapshots> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
      );
      const tables = rows.map((row) => row.name).filter((name) => !RECORD_FAILURES_BY_DESIGN.has(name));
      const columns = tables.map((table) => {
        const quoted = client.escapeIdentifier(table);
        // Each row's text, hashed and sorted, then hashed together: independent of physical order.
        const digest = `(SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM ${quoted} t)`;
        return `${digest} AS ${quoted}`;
      });
      return new TableSnapshots(client, `SELECT ${columns.join(', ')}`, tables);
    } catch (error) {
      await client.end();
      throw error;
    }
  }

  async take(): Promise<TableSnapshot> {
    const { rows } = await this.client.query<Record<string, string>>(this.statement);
    return Object.fromEntries(
      Object.entries(rows[0]).map(([table, value]) => {
        const [count, digest] = value.split(':');
        return [table, { rows: Number(count), digest }];
      }),
    );
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** `referrals: 12 → 13 rows`, `patients: 3 rows, one or more changed in place`; empty when nothing changed. */
export function tableChanges(before: TableSnapshot, after: TableSnapshot): string[] {
  return Object.keys(after).flatMap((table) => {
    const [was, now] = [before[table], after[table]];
    if (!was) return [`${table}: appeared`];
    if (was.rows !== now.rows) return [`${table}: ${was.rows} → ${now.rows} rows`];
    if (was.digest !== now.digest) return [`${table}: ${now.rows} ${now.rows === 1 ? 'row' : 'rows'}, one or more changed in place`];
    return [];
  });
}
