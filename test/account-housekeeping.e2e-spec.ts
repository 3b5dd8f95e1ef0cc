import { RunningWorker } from '../apps/worker/src/bootstrap';
import { createSignedInUser } from './support/fixtures';
import { pollUntil } from './support/poll-until';
import { startTestWorker } from './support/test-worker';
import { useWorld } from './support/file-setup';

/** More old rows than one delete takes (5,000), so the purge must loop to finish. */
const MANY = 12_000;
const WAIT_MS = 20_000;

/*
 * The worker's periodic purge of what the account tables keep only for a while. Rows on both
 * sides of each table's line go in; the worker, started with them in place, runs the purge at
 * once: the old ones go, the others stay.
 */
describe('account housekeeping (the worker)', () => {
  // Short windows here: the purge keeps throttle rows for the longest window allowed (a day) anyway.
  const { app, world, db } = useWorld({ env: { LOGIN_THROTTLE_WINDOW_SECONDS: '900', PASSWORD_RESET_THROTTLE_WINDOW_SECONDS: '3600' } });
  let worker: RunningWorker | undefined;

  afterAll(async () => {
    await worker?.stop();
  });

  it('deletes spent challenges, throttle counts out of their window, long-ended sessions and abandoned enrolments; keeps the rest', async () => {
    const [keeper, abandoner, enrolled] = await Promise.all([1, 2, 3].map(() => createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id)));
    await db.query(
      `INSERT INTO login_failures (email, ip_address, at)
       SELECT 'guess' || n || '@nowhere.test', '203.0.113.9', now() - interval '25 hours' FROM generate_series(1, ${MANY}) AS n`,
    );
    await db.query(`INSERT INTO login_failures (email, ip_address, at) VALUES ('recent@nowhere.test', '203.0.113.9', now() - interval '23 hours')`);
    await db.query(`INSERT INTO password_reset_requests (email, ip_address, at) VALUES ('old@x.test', '203.0.113.9', now() - interval '25 hours'), ('new@x.test', '203.0.113.9', now() - interval '23 hours')`);
    await db.query(
      `INSERT INTO sign_in_challenges (id, user_id, secret_hash, client, created_at, expires_at) VALUES
         (gen_random_uuid(), $1, 'old', 'API', now() - interval '2 days', now() - interval '2 days' + interval '5 minutes'),
         (gen_random_uuid(), $1, 'recent', 'API', now() - interval '1 hour', now() - interval '55 minutes')`,
      [keeper.id],
    );
    await db.query(
      `INSERT INTO user_sessions (id, user_id, secret_hash, created_at, expires_at, absolute_expires_at, revoked_at, revoked_reason) VALUES
         (gen_random_uuid(), $1, 'ended-long-ago', now() - interval '40 days', now() - interval '39 days', now() - interval '10 days', now() - interval '39 days', 'SIGNED_OUT'),
         (gen_random_uuid(), $1, 'expired-long-ago', now() - interval '40 days', now() - interval '31 days', now() - interval '31 days', NULL, NULL),
         (gen_random_uuid(), $1, 'ended-last-week', now() - interval '8 days', now() - interval '7 days', now() + interval '20 days', now() - interval '7 days', 'SIGNED_OUT')`,
      [keeper.id],
    );
    await db.query(
      `INSERT INTO totp_factors (user_id, secret_ciphertext, created_at, confirmed_at) VALUES
         ($1, 'abandoned', now() - interval '2 days', NULL),
         ($2, 'confirmed long ago', now() - interval '200 days', now() - interval '200 days'),
         ($3, 'begun just now', now(), NULL)`,
      [abandoner.id, enrolled.id, keeper.id],
    );

    worker = await startTestWorker(app.config, { ACCOUNT_HOUSEKEEPING_INTERVAL_MS: '1000' });
    // The abandoned enrolment is the last table a pass purges: once it is gone, the pass is over.
    const abandoned = async () => (await db.query(`SELECT count(*)::int AS n FROM totp_factors WHERE user_id = $1`, [abandoner.id])).rows[0].n as number;
    await pollUntil(abandoned, (n) => n === 0, { timeoutMs: WAIT_MS, what: 'a purge pass to finish' });

    const left = async (sql: string, values: unknown[] = []) => (await db.query(sql, values)).rows.map((row: { label: string }) => row.label).sort();
    expect(await left(`SELECT email AS label FROM login_failures WHERE email LIKE '%@nowhere.test'`)).toEqual(['recent@nowhere.test']);
    expect(await left(`SELECT email AS label FROM password_reset_requests WHERE email LIKE '%@x.test'`)).toEqual(['new@x.test']);
    expect(await left(`SELECT secret_hash AS label FROM sign_in_challenges WHERE user_id = $1`, [keeper.id])).toEqual(['recent']);
    // The keeper's own sign-in session (open) stays too.
    const planted = ['ended-long-ago', 'expired-long-ago', 'ended-last-week'];
    expect(await left(`SELECT secret_hash AS label FROM user_sessions WHERE user_id = $1 AND secret_hash = ANY($2::text[])`, [keeper.id, planted])).toEqual(['ended-last-week']);
    expect(await left(`SELECT count(*)::text AS label FROM user_sessions WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()`, [keeper.id])).toEqual(['1']);
    expect(await left(`SELECT secret_ciphertext AS label FROM totp_factors WHERE user_id = ANY($1::uuid[])`, [[keeper.id, abandoner.id, enrolled.id]])).toEqual([
      'begun just now',
      'confirmed long ago',
    ]);
  });
});
