import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface Measured {
  files: Array<{ file: string; bytes: number; gzipped: number }>;
  totalGzipped: number;
  budgetBytes: number;
  withinBudget: boolean;
  developmentBuild: boolean;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measureFirstPage, FIRST_PAGE_BUDGET_KB } = require('./check-web-budget') as {
  measureFirstPage: (distDir: string, budgetKb?: number) => Measured;
  FIRST_PAGE_BUDGET_KB: number;
};

/**
 * A build laid out as Vite lays it out: index.html naming the entry and preloading a vendor
 * chunk, the entry importing a shared chunk statically (which imports another) and a page
 * lazily, and a chunk nothing loads.
 */
function fixtureBuild(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'referloop-budget-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const INDEX = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-A1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/vendor-B2.js">
<link rel="stylesheet" crossorigin href="/assets/index-C3.css">
</head><body><div id="root"></div></body></html>`;

const ENTRY = `import{a as e}from"./shared-D4.js";import"./vendor-B2.js";export*from"./reexported-E5.js";
const t=()=>import("./lazy-page-F6.js");const n="import('./not-an-import.js')";e(t,n);`;

describe('check-web-budget', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const build = (files: Record<string, string | Buffer>) => {
    const dir = fixtureBuild(files);
    dirs.push(dir);
    return dir;
  };

  it('counts the entry, what index.html preloads and every static import, transitively, each once; never what is loaded later', () => {
    const dir = build({
      'index.html': INDEX,
      'assets/index-A1.js': ENTRY,
      'assets/vendor-B2.js': 'export const react = 1;',
      'assets/shared-D4.js': 'import{b}from"./deep/nested-G7.js";import"./vendor-B2.js";export const a=b;',
      'assets/deep/nested-G7.js': 'export const b = 2;',
      'assets/reexported-E5.js': 'export const c = 3;',
      'assets/lazy-page-F6.js': 'export default "a page loaded later";',
      'assets/unused-H8.js': 'export default "nothing loads this";',
      'assets/index-C3.css': 'body{}',
    });
    const measured = measureFirstPage(dir);
    expect(measured.files.map((file) => file.file)).toEqual([
      'assets/index-A1.js',
      'assets/vendor-B2.js',
      'assets/shared-D4.js',
      'assets/reexported-E5.js',
      'assets/deep/nested-G7.js',
    ]);
    expect(measured.files[0]).toEqual({ file: 'assets/index-A1.js', bytes: Buffer.byteLength(ENTRY), gzipped: gzipSync(ENTRY).length });
    expect(measured.totalGzipped).toBe(measured.files.reduce((sum, file) => sum + file.gzipped, 0));
    expect(measured).toMatchObject({ budgetBytes: FIRST_PAGE_BUDGET_KB * 1000, withinBudget: true, developmentBuild: false });
  });

  it('tells a development build (JSX compiled to jsxDEV calls) from a production one', () => {
    const development = build({ 'index.html': INDEX, 'assets/index-A1.js': 'import"./vendor-B2.js";e.jsxDEV("div",{},void 0,!1);', 'assets/vendor-B2.js': '' });
    expect(measureFirstPage(development)).toMatchObject({ developmentBuild: true });
  });

  it('fails a first page over the budget, by its gzipped size', () => {
    // Random bytes do not compress: 40 kB of them (in base64) is about 40 kB gzipped.
    const dir = build({ 'index.html': INDEX, 'assets/index-A1.js': `export const blob = "${randomBytes(40_000).toString('base64')}";`, 'assets/vendor-B2.js': '' });
    expect(measureFirstPage(dir, 30)).toMatchObject({ withinBudget: false, budgetBytes: 30_000 });
    expect(measureFirstPage(dir, 50)).toMatchObject({ withinBudget: true });
    // Text that compresses well is measured compressed.
    const repetitive = build({ 'index.html': INDEX, 'assets/index-A1.js': `export const text = "${'referral '.repeat(20_000)}";`, 'assets/vendor-B2.js': '' });
    expect(measureFirstPage(repetitive, 30)).toMatchObject({ withinBudget: true });
  });

  it('refuses a build without index.html, or whose first page loads a file that is not there or a script from elsewhere', () => {
    expect(() => measureFirstPage(build({}))).toThrow(/index\.html is missing/);
    expect(() => measureFirstPage(build({ 'index.html': INDEX, 'assets/vendor-B2.js': '' }))).toThrow(/assets\/index-A1\.js, which is not in the build/);
    const external = build({ 'index.html': '<script type="module" src="https://cdn.example/app.js"></script>' });
    expect(() => measureFirstPage(external)).toThrow(/from elsewhere/);
  });

  it('the web app is built for production even when NODE_ENV says otherwise (a test runner sets "test")', () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'referloop-web-build-'));
    dirs.push(outDir);
    const root = path.resolve(__dirname, '..');
    const vite = spawnSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'apps/web/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test' },
      encoding: 'utf8',
    });
    expect(vite.stderr).toBe('');
    expect(vite.status).toBe(0);
    expect(measureFirstPage(outDir)).toMatchObject({ developmentBuild: false, withinBudget: true });
  });
});
