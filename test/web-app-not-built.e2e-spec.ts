import { cpSync } from 'node:fs';
import { CapturedLog } from './support/captured-log';
import { rawRequest } from './support/gateway-http';
import { useTestApp } from './support/file-setup';
import { webDistFixture } from './support/web-dist-fixture';

/*
 * A gateway whose web app has not been built yet (a fresh clone, `npm run start:gateway` before
 * any `npm start`) still serves the API, and says how to build the app. A file of its own: Nest
 * keeps one logger per process, so start-up warnings go to the latest gateway's log stream.
 */
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const notBuilt = webDistFixture({ empty: true });
afterAll(() => notBuilt.remove());

describe('the web app before it is built', () => {
  const log = new CapturedLog();
  const { app } = useTestApp({ env: { WEB_DIST_DIR: notBuilt.dir, LOG_LEVEL: 'warn' }, logStream: log.stream });
  const get = (path: string, headers: Record<string, string> = {}) => rawRequest(`${app.baseUrl}${path}`, { headers });

  it('starts anyway, says once how to build it, and answers its pages with a plain 503 saying so', async () => {
    const warnings = log.linesSince(0).filter((line) => String(line.msg).includes('web app not built'));
    expect(warnings.map((line) => line.msg)).toEqual([expect.stringContaining('web app not built: run npm run web:build')]);

    for (const path of ['/', '/patients']) {
      const response = await get(path, { accept: BROWSER });
      expect({ path, status: response.status, type: response.headers['content-type'], cache: response.headers['cache-control'] }).toEqual({
        path,
        status: 503,
        type: expect.stringMatching(/^text\/html/),
        cache: 'no-store',
      });
      expect(response.body).toContain('npm run web:build');
    }
    // GraphiQL is part of the same build.
    const graphiql = await get('/graphql', { accept: BROWSER });
    expect({ status: graphiql.status, saysHow: graphiql.body.includes('npm run web:build') }).toEqual({ status: 503, saysHow: true });
    expect((await get('/assets/index-B1x2y3Z4.js')).status).toBe(404);
    expect((await get('/health/live')).status).toBe(200);
  });

  it('serves the app as soon as it is built, without a restart', async () => {
    const built = webDistFixture();
    try {
      cpSync(built.dir, notBuilt.dir, { recursive: true });
      const response = await get('/patients', { accept: BROWSER });
      expect({ status: response.status, page: response.body.includes(built.indexMarker) }).toEqual({ status: 200, page: true });
    } finally {
      built.remove();
    }
  });
});
