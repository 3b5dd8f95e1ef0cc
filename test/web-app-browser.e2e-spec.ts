import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { useChromium } from './support/chromium';
import { useTestApp } from './support/file-setup';
import { pollUntil } from './support/poll-until';
import { webDistFixture } from './support/web-dist-fixture';

/*
 * The web app's and GraphiQL's security policies in a real browser (Debian's Chromium): a page
 * of the web app reaches /graphql over fetch and over a WebSocket under `connect-src 'self'`,
 * and GraphiQL, built from the graphiql package as `npm run web:build` builds it, runs its
 * editor (workers, fonts, styles) without one violation, and without a session says how to
 * get one while its requests still reach the API.
 */
const ROOT = resolve(__dirname, '..');
const BUILD_TIMEOUT_MS = 180_000;

/** What the page of the probe build finds out, on window.probe. */
const PROBE = `
const probe = {};
window.probe = probe;
fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) })
  .then((response) => response.json())
  .then((body) => { probe.fetched = body; }, (error) => { probe.fetched = String(error); });
const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql', 'graphql-transport-ws');
socket.onopen = () => { probe.socket = 'open'; socket.send(JSON.stringify({ type: 'connection_init' })); };
socket.onclose = (event) => { probe.closedWith = event.code; };
`;

/** Run in every tab before its page: the policy violations it reports, from the first byte on. (Scripts as text: these tests compile without the DOM's types.) */
const RECORD_VIOLATIONS = `
window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.violations.push(event.violatedDirective + ' ' + event.blockedURI));
`;

const build = webDistFixture();
afterAll(() => build.remove());

beforeAll(() => {
  writeFileSync(join(build.dir, ...build.entryScript.split('/').filter(Boolean)), PROBE);
  // GraphiQL as web:build makes it, into the fixture build.
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/graphiql/vite.config.ts', '--outDir', join(build.dir, 'graphiql'), '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}, BUILD_TIMEOUT_MS);

describe('the web app and GraphiQL in Chromium', () => {
  // Before the gateway, so the browser closes first: the gateway cannot finish closing while the browser holds connections to it.
  const chromium = useChromium();
  const { app } = useTestApp({ env: { WEB_DIST_DIR: build.dir } });

  /** A fresh tab recording every policy violation from its first byte on, and every page error. */
  async function openTab(): Promise<{ page: Page; violations: () => Promise<string[]>; pageErrors: string[] }> {
    const page = await (await chromium.browser.newContext()).newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.addInitScript({ content: RECORD_VIOLATIONS });
    return { page, pageErrors, violations: () => page.evaluate<string[]>('window.violations') };
  }

  it.each(['127.0.0.1', 'localhost'])('lets a page of the web app at %s fetch /graphql and open a WebSocket to it under its policy', async (host) => {
    const { page, violations, pageErrors } = await openTab();
    await page.goto(`${app.baseUrl.replace('127.0.0.1', host)}/referrals/any`);
    // Read from here until done: waitForFunction re-checks its condition by evaluating a string in
    // the page, which the page's policy (no 'unsafe-eval') refuses whenever the first check is too
    // early, as it can be at localhost. page.evaluate goes through the DevTools protocol instead.
    const probe = await pollUntil(
      () => page.evaluate<{ fetched?: unknown; closedWith?: number }>('window.probe'),
      (seen) => seen.fetched !== undefined && seen.closedWith !== undefined,
      { timeoutMs: 15_000, what: 'the page to fetch /graphql and see its WebSocket closed' },
    );
    // 4403: the gateway refused the connection for want of a token, so the browser did open it.
    expect(probe).toEqual({ fetched: { data: { __typename: 'Query' } }, socket: 'open', closedWith: 4403 });
    expect({ violations: await violations(), pageErrors }).toEqual({ violations: [], pageErrors: [] });
  });

  it('runs GraphiQL from the build, without a violation, and without a session says to sign in to the web app first', async () => {
    const { page, violations, pageErrors } = await openTab();
    await page.goto(`${app.baseUrl}/graphql`);
    await page.locator('.graphiql-container .monaco-editor').first().waitFor();
    await page.getByText('Sign in to the web app first').waitFor();

    // The default query asks who is signed in: the API itself answers that nobody is.
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('UNAUTHENTICATED').waitFor();
    expect({ violations: await violations(), pageErrors }).toEqual({ violations: [], pageErrors: [] });
  });
});
