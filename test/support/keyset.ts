/**
 * Keyset pagination across rows created within the same millisecond: PostgreSQL keeps
 * microseconds, and a cursor that kept only milliseconds would put the rest of a
 * same-millisecond group behind it. Rows are created concurrently until at least two share a
 * millisecond (or, on a machine too busy for that, given equal times in SQL), so each
 * walk really crosses a tie; then the list is walked one row per page.
 * Shared by the API test (regression-keyset-ties.e2e-spec.ts) and the service test.
 */
export const MIN_ROWS = 6;
export const BURST = 12;
/**
 * Concurrent bursts tried before ties are made in SQL: on a quiet machine a burst usually ties;
 * on a busy one creates queue behind one another and spread over many milliseconds, and a run
 * without a tie would prove nothing.
 */
export const BURSTS_BEFORE_FORCING = 2;

export interface Row {
  id: string;
  /** createdAt, or `at` for audit entries: ISO-8601 with milliseconds. */
  time: string;
}

export interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: Row }>;
}

export function hasTie(rows: Row[]): boolean {
  return new Set(rows.map((row) => row.time)).size < rows.length;
}

/**
 * Gives `later` exactly `earlier`'s time and returns it as it now is: the app writes every keyset
 * time in whole milliseconds (from JS time, as a cursor holds it), so a tie is an equal time.
 */
export type ForceTie = (earlier: Row, later: Row) => Promise<Row>;

/** A ForceTie over one table, through `run` (a pg client's or a DataSource's query, answering the UPDATE's rows). */
export function tieInTable(run: (sql: string, params: unknown[]) => Promise<Array<{ time: Date }>>, table: 'patients' | 'providers' | 'referrals' | 'audit_entries', column: 'created_at' | 'at'): ForceTie {
  return async (earlier, later) => {
    const [row] = await run(
      `UPDATE ${table} SET ${column} = (SELECT ${column} FROM ${table} WHERE id = $2) WHERE id = $1 RETURNING ${column} AS time`,
      [later.id, earlier.id],
    );
    return { id: later.id, time: row.time.toISOString() };
  };
}

/**
 * Creates rows in concurrent bursts until at least MIN_ROWS exist and two share a millisecond;
 * after BURSTS_BEFORE_FORCING bursts without one, `forceTie` ties every second row to the one
 * before it.
 */
export async function createWithTies(create: (index: number) => Promise<Row>, forceTie: ForceTie): Promise<Row[]> {
  const rows: Row[] = [];
  for (let burst = 0; burst < BURSTS_BEFORE_FORCING; burst += 1) {
    const offset = rows.length;
    rows.push(...(await Promise.all(Array.from({ length: BURST }, (_unused, index) => create(offset + index)))));
    if (rows.length >= MIN_ROWS && hasTie(rows)) return rows;
  }
  return tieEverySecond(rows, forceTie);
}

/** Ties every second row to the one before it; fails unless the rows then hold a tie. */
export async function tieEverySecond(rows: Row[], forceTie: ForceTie): Promise<Row[]> {
  const tied = [...rows];
  for (let index = 1; index < tied.length; index += 2) tied[index] = await forceTie(tied[index - 1], tied[index]);
  if (!hasTie(tied)) throw new Error(`precondition not met: no two of ${tied.length} rows share a millisecond (${tied.map((row) => row.time).join(', ')})`);
  return tied;
}

/** Walks a connection one row per page, newest first; returns the ids in the order served. */
export async function walkOneByOne(fetchPage: (after: string | null) => Promise<Page>, limit: number): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (let guard = 0; guard <= limit + 1; guard += 1) {
    const page = await fetchPage(after);
    expect(page.edges.length).toBeLessThanOrEqual(1);
    rows.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
    expect(after).toEqual(expect.any(String));
  }
  throw new Error(`pagination did not end after ${limit + 1} pages (served: ${rows.map((row) => row.id).join(', ')})`);
}

/** Every created row is served exactly once, and the order is newest first. */
export function expectEachExactlyOnce(served: Row[], created: Row[]): void {
  const servedIds = served.map((row) => row.id);
  const duplicates = servedIds.filter((id, index) => servedIds.indexOf(id) !== index);
  const missing = created.filter((row) => !servedIds.includes(row.id));
  expect({ duplicates, missing, servedCount: served.length }).toEqual({ duplicates: [], missing: [], servedCount: created.length });
  const times = served.map((row) => Date.parse(row.time));
  expect(times).toEqual([...times].sort((a, b) => b - a));
}
