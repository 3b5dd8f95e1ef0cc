import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { CapturedLog } from './support/captured-log';
import { useTestApp } from './support/file-setup';
import { signInAsPlatformAdmin } from './support/fixtures';
import { pollUntil } from './support/poll-until';

/*
 * Every request makes exactly one request line (log-redaction.e2e-spec.ts checks the answered
 * ones). A request whose client gives up before the answer, a POST with its body read, makes one
 * too: "request aborted", with its id, and none when the gateway later finishes it.
 */

const POLL = { timeoutMs: 10_000, intervalMs: 20 };

describe('a request the client gives up on', () => {
  const log = new CapturedLog();
  const { app, db: database } = useTestApp({ env: { LOG_LEVEL: 'log' }, logStream: log.stream });

  it('is logged once, as aborted, with its id, and not again when the gateway finishes it', async () => {
    const db = database;
    const admin = await signInAsPlatformAdmin(app.anonymous);
    const id = `abort-${randomUUID()}`;
    const body = JSON.stringify({ query: '{ me { id } }' });
    const linesOf = (requestId: string) => log.linesSince(0).filter((line) => (line.req as { id?: string } | undefined)?.id === requestId);
    const lockWaiters = async (): Promise<number> =>
      (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows[0].n;

    // The request's first read (the caller's session, joined to the clinics) waits behind this lock.
    await db.query('BEGIN');
    try {
      await db.query('LOCK TABLE clinics IN ACCESS EXCLUSIVE MODE');
      const request = httpRequest(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}`, 'x-request-id': id, 'content-length': Buffer.byteLength(body) },
      });
      const closed = new Promise<void>((resolve) => request.on('close', () => resolve()));
      request.on('error', () => undefined); // the destroy below
      request.end(body);
      await pollUntil(lockWaiters, (waiting) => waiting > 0, { what: 'the request to wait on the lock', ...POLL });
      request.destroy();
      await closed;
      await pollUntil(async () => linesOf(id).length, (count) => count > 0, { what: 'the aborted line', ...POLL });
    } finally {
      await db.query('ROLLBACK');
    }
    // The gateway finishes the request once the lock is gone; a later request's line shows it has moved on.
    const later = `after-${randomUUID()}`;
    await admin.withHeaders({ 'x-request-id': later }).ok('{ me { id } }');
    await pollUntil(async () => linesOf(later).length, (count) => count > 0, { what: 'the next request line', ...POLL });
    await pollUntil(lockWaiters, (waiting) => waiting === 0, { what: 'the request to finish', ...POLL });

    const lines = linesOf(id);
    expect(lines.map(({ level, msg, req }) => ({ level, msg, req }))).toEqual([{ level: 40, msg: 'request aborted', req: { id, method: 'POST', path: '/graphql' } }]);
  });
});
