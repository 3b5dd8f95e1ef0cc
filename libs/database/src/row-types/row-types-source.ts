/** A column of the migrated database, as information_schema describes it. */
export interface ColumnInfo {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  udt_name: string;
}

/**
 * The TypeScript type node-postgres hands back for each PostgreSQL type, with this project's
 * parsers (data-source.ts: bigint and uuid[] parsed, date left as text). A type not listed here
 * fails generation, so a new column type is a decision rather than a silent `unknown`.
 */
const TS_TYPES: Readonly<Record<string, string>> = {
  uuid: 'string',
  text: 'string',
  varchar: 'string',
  date: 'string',
  bool: 'boolean',
  int4: 'number',
  int8: 'number',
  float8: 'number',
  timestamptz: 'Date',
  jsonb: 'unknown',
  // The earthdistance extension's points and boxes: PostgreSQL's text form.
  cube: 'string',
};

function tsType(column: ColumnInfo): string {
  const array = column.udt_name.startsWith('_');
  const base = TS_TYPES[array ? column.udt_name.slice(1) : column.udt_name];
  if (base === undefined) throw new Error(`No TypeScript type for ${column.table_name}.${column.column_name} (${column.udt_name}); add it to TS_TYPES`);
  const type = array ? `${base}[]` : base;
  // `unknown` already takes in null.
  return column.is_nullable === 'YES' && type !== 'unknown' ? `${type} | null` : type;
}

/** The generated module: one interface of every table's row, keyed by table name. */
export function rowTypesSource(columns: readonly ColumnInfo[]): string {
  const tables = new Map<string, ColumnInfo[]>();
  for (const column of columns) tables.set(column.table_name, [...(tables.get(column.table_name) ?? []), column]);
  const body = [...tables.keys()]
    .sort()
    .map((table) => {
      const fields = (tables.get(table) ?? []).map((column) => `    ${column.column_name}: ${tsType(column)};`).join('\n');
      return `  ${table}: {\n${fields}\n  };`;
    })
    .join('\n');
  return [
    '// Generated from the migrated database by `npm run db:row-types`; do not edit. CI fails when it',
    '// differs from what the migrations produce. Narrow a row with TableRow (row-types.ts).',
    '',
    '/** Every table\'s row as node-postgres returns it, by table name. */',
    'export interface Rows {',
    body,
    '}',
    '',
  ].join('\n');
}

/** The columns of every table of the public schema but TypeORM's migration log, in table order. */
export const COLUMNS_SQL = `
  SELECT c.table_name, c.column_name, c.is_nullable, c.udt_name
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
   WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'migrations'
   ORDER BY c.table_name, c.ordinal_position`;
