import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { COLUMNS_SQL, ColumnInfo, rowTypesSource } from './row-types-source';

/** Where the generated row types live, in the sources (this runs from dist/). */
export const ROWS_FILE = path.resolve(__dirname, '..', '..', '..', '..', '..', 'libs', 'database', 'src', 'row-types', 'rows.generated.ts');

/** Writes the row types of the database at `databaseUrl`, which the caller has migrated. */
export async function generateRowTypes(databaseUrl: string, file = ROWS_FILE): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<ColumnInfo>(COLUMNS_SQL);
    writeFileSync(file, rowTypesSource(rows));
  } finally {
    await client.end();
  }
}
