import { Print, seconds } from '../output';
import { Query } from './sql';

/** The tables the seed fills by the million: their indexes and keys are built once, after the rows. */
export const BULK_TABLES = ['patients', 'referrals', 'referral_events', 'treatment_plans', 'visits', 'audit_entries'];

interface Structure {
  table: string;
  name: string;
  /** The statement that makes it again, read from the catalog. */
  definition: string;
  kind: 'key' | 'index' | 'foreign key';
}

/**
 * Runs `load` with the bulk tables stripped of their indexes, keys and foreign keys, then makes
 * them again exactly as the catalog had them (whatever the migrations define, ones added later
 * included): maintaining a dozen B-trees and checking every foreign key row by row costs far
 * more than building each once from sorted rows and checking each key with one join. All in
 * the caller's transaction, so a failure (a duplicate, a dangling reference) undoes it all.
 * The tables are locked until it commits: the seed is for a database nobody else is using.
 */
export async function withoutIndexes(query: Query, print: Print, load: () => Promise<void>): Promise<void> {
  // Sorts for the index builds and the foreign-key checks in memory, with a parallel worker.
  await query(`SET LOCAL maintenance_work_mem = '1GB'`);
  await query('SET LOCAL max_parallel_maintenance_workers = 2');
  const structures = await readStructures(query);
  for (const kind of ['foreign key', 'key', 'index'] as const) {
    for (const s of structures.filter((item) => item.kind === kind)) {
      await query(kind === 'index' ? `DROP INDEX ${quoted(s.name)}` : `ALTER TABLE ${quoted(s.table)} DROP CONSTRAINT ${quoted(s.name)}`);
    }
  }
  await load();
  const started = Date.now();
  for (const kind of ['key', 'index', 'foreign key'] as const) {
    const kindStarted = Date.now();
    const made = structures.filter((item) => item.kind === kind);
    const took: Array<[string, number]> = [];
    for (const s of made) {
      const itemStarted = Date.now();
      await query(s.definition);
      took.push([s.name, Date.now() - itemStarted]);
    }
    // The three that took longest, so a slow rebuild says where it goes.
    const slowest = took.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, ms]) => `${name} ${seconds(ms)}`);
    print(`  ${made.length} ${kind === 'index' ? 'indexes' : `${kind}s`} made again: ${seconds(Date.now() - kindStarted)} (longest: ${slowest.join(', ')})`);
  }
  print(`  indexes and keys: ${seconds(Date.now() - started)}`);
}

async function readStructures(query: Query): Promise<Structure[]> {
  // Keys (primary, unique, exclusion) of the bulk tables; foreign keys from them and to them.
  const constraints = await query<{ table: string; name: string; type: string; definition: string }>(
    `SELECT DISTINCT c.conrelid::regclass::text AS table, c.conname AS name, c.contype AS type, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype IN ('p', 'u', 'x', 'f')
        AND (c.conrelid = ANY ($1::regclass[]) OR (c.contype = 'f' AND c.confrelid = ANY ($1::regclass[])))
      ORDER BY 1, 2`,
    [BULK_TABLES],
  );
  // Every other index of the bulk tables (those behind a key come back with the key).
  const indexes = await query<{ table: string; name: string; definition: string }>(
    `SELECT i.indrelid::regclass::text AS table, x.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
      WHERE i.indrelid = ANY ($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype <> 'f')
      ORDER BY 1, 2`,
    [BULK_TABLES],
  );
  return [
    ...constraints.map((c): Structure => ({
      table: c.table,
      name: c.name,
      kind: c.type === 'f' ? 'foreign key' : 'key',
      definition: `ALTER TABLE ${quoted(c.table)} ADD CONSTRAINT ${quoted(c.name)} ${c.definition}`,
    })),
    ...indexes.map((i): Structure => ({ table: i.table, name: i.name, kind: 'index', definition: i.definition })),
  ];
}

/** regclass text comes quoted where it needs to be; names from pg_class and pg_constraint do not. */
const quoted = (name: string) => (/^[a-z_][a-z0-9_$]*$/.test(name) || name.startsWith('"') ? name : `"${name.replace(/"/g, '""')}"`);
