import type { Rows } from './rows.generated';

export type { Rows } from './rows.generated';

/** What a narrowing may say: only columns of the table, each with a type that fits the column. */
type Narrowing<Row> = { [K in keyof Row]?: Row[K] };

/**
 * A table's row as the code reads it: the generated row (the migrations are its one source),
 * with some columns narrowed to what the code knows of them, an enum for a text column or a
 * shape for a jsonb one. A column the table lacks, or a type that does not fit the column, does
 * not compile; every other column follows the migrations.
 */
export type TableRow<T extends keyof Rows, Narrow extends Narrowing<Rows[T]> & Record<Exclude<keyof Narrow, keyof Rows[T]>, never> = Record<never, never>> = Omit<
  Rows[T],
  keyof Narrow
> &
  Required<Narrow>;
