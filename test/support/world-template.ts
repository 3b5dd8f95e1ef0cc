import type { Actor } from './fixtures';
import { copyDatabase, dropDatabase, quoteIdent, templateOfRun, withAdminClient } from './test-database';

/** The cast as stored: who is who, without the clients (which belong to one gateway). */
export interface WorldRecord {
  platformAdminId: string;
  clinicA: { id: string };
  clinicB: { id: string };
  clinicC: { id: string };
  actors: Record<ActorName, Omit<Actor, 'client'> & { providerId?: string }>;
  patient: { id: string; email: string; firstName: string; lastName: string; dateOfBirth: string };
}

export const ACTOR_NAMES = [
  'adminA',
  'coordinatorA',
  'referringProvider',
  'adminB',
  'coordinatorB',
  'targetProvider',
  'alternateProvider',
  'coordinatorC',
  'unrelatedProvider',
] as const;
export type ActorName = (typeof ACTOR_NAMES)[number];

/** Serialises the making of the world template across Jest workers (another key than the clone lock's). */
const WORLD_TEMPLATE_LOCK_KEY = 7_314_003;

/**
 * The world template of this run, made by the first caller: a copy of the migrated template in
 * which a gateway of its own created the cast through the API (buildWorld), then stopped. Who
 * is who is kept as the template database's comment, which is also how a later caller, or one
 * that waited on the lock, knows the template is complete.
 */
export async function worldTemplate(): Promise<WorldRecord> {
  const name = templateOfRun('world');
  return withAdminClient(async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [WORLD_TEMPLATE_LOCK_KEY]);
    try {
      const { rows } = await admin.query<{ record: string | null }>(
        "SELECT shobj_description(oid, 'pg_database') AS record FROM pg_database WHERE datname = $1",
        [name],
      );
      if (rows[0]?.record) return JSON.parse(rows[0].record) as WorldRecord;
      // Not there, or left half made by a caller that failed.
      await dropDatabase(admin, name);
      await copyDatabase(templateOfRun('migrated'), name);
      // Loaded only here: a file that clones the finished template needs no gateway of its own.
      const [{ openTestApp }, { buildWorld, recordOf }] = await Promise.all([import('./test-app'), import('./world')]);
      const app = await openTestApp(name, {}, async () => undefined);
      let record: WorldRecord;
      try {
        record = await recordOf(await buildWorld(app.anonymous));
      } finally {
        await app.close();
      }
      await admin.query(`COMMENT ON DATABASE ${quoteIdent(name)} IS ${admin.escapeLiteral(JSON.stringify(record))}`);
      return record;
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [WORLD_TEMPLATE_LOCK_KEY]);
    }
  });
}
