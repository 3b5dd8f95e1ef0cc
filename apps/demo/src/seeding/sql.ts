/** One SQL statement run inside the seed's transaction. */
export type Query = <Row = Record<string, unknown>>(sql: string, parameters?: unknown[]) => Promise<Row[]>;

/**
 * Gives a working table its key and statistics: autovacuum never analyses temporary tables,
 * and without statistics the planner joins them row by row.
 */
export async function keyed(query: Query, table: string, key: string): Promise<void> {
  await query(`ALTER TABLE ${table} ADD PRIMARY KEY (${key})`);
  await query(`ANALYZE ${table}`);
}
