import { CountCache } from './count-cache';
import type { DataSource } from 'typeorm';

/**
 * Positional parameters collected while SQL text is assembled: `param(value)` stores the
 * value and returns its placeholder (`$3`). Values never enter the SQL text itself.
 */
export function sqlParams(initial: unknown[] = []): { values: unknown[]; param: (value: unknown) => string } {
  const values = [...initial];
  return {
    values,
    param: (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** `WHERE a AND b`, or nothing when there are no conditions. */
export const whereClause = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

/** Every list's large counts, for the whole process (see CountCache). */
const counts = new CountCache();

/** A count that runs only if asked for (see Connection.totalCount), at most once; a large one is kept for a while (CountCache). */
export function lazyCount(db: DataSource, sql: string, values: unknown[]): () => Promise<number> {
  let pending: Promise<number> | undefined;
  return () => (pending ??= counts.get(sql, values, () => db.query<{ total: number }[]>(sql, values).then((rows) => rows[0].total)));
}

/** Constants from code (enum values) as an SQL list of text literals, for `IN (…)` in static SQL. */
export const sqlTextList = (values: readonly string[]) => values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
