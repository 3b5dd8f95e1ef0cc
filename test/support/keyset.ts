/**
 * Keyset pagination across rows created within the same millisecond: PostgreSQL keeps
 * microseconds, and a cursor that kept only milliseconds would put the rest of a
 * same-millisecond group behind it. Rows are created concurrently until at least two share a
 * millisecond, so each walk really crosses a tie; then the list is walked one row per page.
 * Shared by the API test (regression-keyset-ties.e2e-spec.ts) and the service test.
 */
export const MIN_ROWS = 6;
export const BURST = 12;
// Generous: a loaded machine spreads a burst over more milliseconds, and a run without a tie proves nothing.
export const MAX_BURSTS = 40;

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

/** Creates rows in concurrent bursts until at least MIN_ROWS exist and two share a millisecond. */
export async function createWithTies(create: (index: number) => Promise<Row>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let burst = 0; burst < MAX_BURSTS; burst += 1) {
    const offset = rows.length;
    rows.push(...(await Promise.all(Array.from({ length: BURST }, (_unused, index) => create(offset + index)))));
    if (rows.length >= MIN_ROWS && hasTie(rows)) return rows;
  }
  throw new Error(
    `precondition not met: ${rows.length} rows created in concurrent bursts, none sharing a millisecond (${rows.map((row) => row.time).join(', ')})`,
  );
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
