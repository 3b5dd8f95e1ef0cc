import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@referloop/database';
import { MAX_PREPARED_PER_CONNECTION } from '../../libs/database/src/preparing-client';
import { cloneTemplateDatabase, dropTestDatabase } from '../support/test-database';

/**
 * The apps' connections run every statement with parameters prepared (preparing-client.ts),
 * beneath TypeORM: parsed and planned once per connection. Shown on one real connection (a pool
 * of one), through the DataSource the apps use: what is prepared, what a table that changes shape
 * under a prepared statement does, what is left alone, and the bound on how many are kept.
 */
describe('prepared statements on the apps’ connections', () => {
  let db: DataSource;
  let databaseName: string;
  let databaseUrl: string;

  beforeAll(async () => {
    const database = await cloneTemplateDatabase();
    databaseName = database.name;
    databaseUrl = database.url;
    db = new DataSource({ ...dataSourceOptions({ url: database.url, poolSize: 1 }), migrationsRun: false });
    await db.initialize();
    await db.query('CREATE TABLE shape_test (id int PRIMARY KEY, label text)');
    await db.query(`INSERT INTO shape_test VALUES (1, 'one'), (2, 'two')`);
  });
  afterAll(async () => {
    await db?.destroy();
    if (databaseName) await dropTestDatabase(databaseName);
  });

  /** How often the connection's prepared statement with exactly this text has run, or null if none is prepared. */
  const runsOf = async (text: string): Promise<number | null> => {
    // A statement without parameters, so this question is not itself prepared.
    const rows: Array<{ runs: number }> = await db.query(
      `SELECT (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements WHERE statement = '${text.replace(/'/g, "''")}'`,
    );
    return rows.length === 0 ? null : rows[0].runs;
  };

  /** How many statements the connection holds prepared. */
  const preparedCount = async (): Promise<number> => (await db.query('SELECT count(*)::int AS kept FROM pg_prepared_statements'))[0].kept;

  it('prepares a statement with parameters the second time it runs, once, and runs it from there', async () => {
    const text = 'SELECT label FROM shape_test WHERE id = $1';
    expect(await db.query(text, [1])).toEqual([{ label: 'one' }]);
    // A text seen once takes no slot: one-off texts never fill the connection's.
    expect(await runsOf(text)).toBeNull();
    for (const id of [2, 1, 2, 1, 2, 1]) {
      expect(await db.query(text, [id])).toEqual([{ label: id === 1 ? 'one' : 'two' }]);
    }
    expect(await runsOf(text)).toBe(6);
  });

  it('leaves statements without parameters to the simple protocol, several commands included', async () => {
    await db.query('UPDATE shape_test SET label = label; UPDATE shape_test SET label = label');
    expect(await runsOf('SELECT count(*) FROM shape_test')).toBeNull();
    expect(await db.query('SELECT count(*)::int AS n FROM shape_test')).toEqual([{ n: 2 }]);
    expect(await runsOf('SELECT count(*)::int AS n FROM shape_test')).toBeNull();
  });

  it('answers with the new shape when a table gains a column under a prepared SELECT * (a migration while serving)', async () => {
    const text = 'SELECT * FROM shape_test WHERE id = $1';
    for (let run = 0; run < 2; run += 1) expect(await db.query(text, [1])).toEqual([{ id: 1, label: 'one' }]);
    expect(await runsOf(text)).toBe(1);
    await db.query('ALTER TABLE shape_test ADD COLUMN note text');
    expect(await db.query(text, [1])).toEqual([{ id: 1, label: 'one', note: null }]);
    expect(await db.query(text, [2])).toEqual([{ id: 2, label: 'two', note: null }]);
    // The statements prepared before the change were dropped (DEALLOCATE ALL), and this one prepared again.
    expect(await runsOf(text)).toBe(2);
    expect(await runsOf('SELECT label FROM shape_test WHERE id = $1')).toBeNull();
  });

  it('fails the statement inside a transaction, as any failed statement would, and prepares afresh after it', async () => {
    const text = 'SELECT * FROM shape_test WHERE id = $1 AND id > $2';
    for (let run = 0; run < 2; run += 1) expect(await db.query(text, [1, 0])).toEqual([{ id: 1, label: 'one', note: null }]);
    expect(await runsOf(text)).toBe(1);
    await db.query('ALTER TABLE shape_test DROP COLUMN note');
    await expect(
      db.transaction(async (manager) => {
        await manager.query(`UPDATE shape_test SET label = 'changed' WHERE id = $1`, [2]);
        await manager.query(text, [1, 0]);
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('cached plan must not change result type') });
    // The transaction rolled back; once the connection is idle, its statements are dropped and the next runs prepare them again.
    expect(await db.query('SELECT label FROM shape_test WHERE id = $1', [2])).toEqual([{ label: 'two' }]);
    expect(await db.query(text, [1, 0])).toEqual([{ id: 1, label: 'one' }]);
    expect(await runsOf(text)).toBe(1);
    expect(await preparedCount()).toBe(2);
  });

  it('prepares nothing when turned off (DATABASE_PREPARED_STATEMENTS=off, behind a pooler that cannot keep them)', async () => {
    const unprepared = new DataSource({ ...dataSourceOptions({ url: databaseUrl, poolSize: 1, preparedStatements: false }), migrationsRun: false });
    await unprepared.initialize();
    try {
      for (const id of [1, 2, 1, 2]) await unprepared.query('SELECT id FROM shape_test WHERE id = $1', [id]);
      expect(await unprepared.query('SELECT count(*)::int AS kept FROM pg_prepared_statements')).toEqual([{ kept: 0 }]);
    } finally {
      await unprepared.destroy();
    }
  });

  it(`keeps at most ${MAX_PREPARED_PER_CONNECTION} prepared on a connection; past that, statements run unprepared`, async () => {
    for (let i = 0; i < MAX_PREPARED_PER_CONNECTION + 20; i += 1) {
      for (let run = 0; run < 2; run += 1) expect(await db.query(`SELECT $1::int + ${i} AS n`, [1])).toEqual([{ n: 1 + i }]);
    }
    expect(await preparedCount()).toBe(MAX_PREPARED_PER_CONNECTION);
    expect(await runsOf(`SELECT $1::int + ${MAX_PREPARED_PER_CONNECTION + 19} AS n`)).toBeNull();
  });
});
