import type { DataSource } from 'typeorm';
import { sqlParams } from '@referloop/core';
import type { SearchRequest } from '../search/search-request';
import type { Keyed } from './referral-scoped-page';

/** A table searched on its own rows, keyed by its creation time and id, newest first. */
export interface TableSelect {
  /** `clinics c`, `providers pr`: the table and its alias. */
  from: string;
  alias: string;
  /** The creation time as a cursor holds it (milliseconds): a column written from JS time is that already. */
  createdAt: string;
  /** A condition every row must meet, whatever the search: who may see the row. */
  visibility?: (param: (value: unknown) => string) => string;
}

/** One page of a table's rows (count + 1 of them: the last only says a next page exists). */
export async function tablePage<Row>(db: DataSource, select: TableSelect, request: SearchRequest): Promise<Array<Row & Keyed>> {
  const { values, param } = sqlParams();
  const { alias, createdAt } = select;
  const where = request.conditions.map((condition) => condition(param));
  if (select.visibility) where.push(select.visibility(param));
  if (request.after) where.push(`(${createdAt}, ${alias}.id) < (${param(request.after.at)}, ${param(request.after.id)}::uuid)`);
  return db.query(
    `SELECT ${alias}.*, ${createdAt} AS key_at, ${alias}.id AS key_id, 0 AS key_sub FROM ${select.from}
      ${where.length ? `WHERE ${where.map((condition) => `(${condition})`).join(' AND ')}` : ''}
      ORDER BY ${createdAt} DESC, ${alias}.id DESC LIMIT ${param(request.count + 1)}`,
    values,
  );
}
