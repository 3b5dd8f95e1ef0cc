#!/usr/bin/env node
/**
 * `node scripts/check-web-budget.js [dist folder]`: the JavaScript the web app's first page
 * loads, gzipped, against a budget. That is the entry script index.html names, the scripts it
 * preloads (modulepreload) and everything those import statically, transitively; chunks loaded
 * later with import() (the other pages, the charts) are not counted. Prints each file and the
 * total; exits 1 above the budget. Sizes are gzip's default level, in kB of 1000 bytes, as
 * Vite's own build report gives them. A development build is refused too.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const ts = require('typescript');

/** The most JavaScript the first page may load, gzipped (phones on a slow network wait for every byte of it). */
const FIRST_PAGE_BUDGET_KB = 250;

const root = path.resolve(__dirname, '..');

/** The value of each attribute of an HTML tag's attribute text, by lower-case name. */
function attributes(text) {
  const found = {};
  for (const match of text.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    found[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return found;
}

/** The scripts index.html loads or preloads at once, as URL paths. */
function scriptsOfPage(html) {
  const urls = [];
  for (const tag of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs = attributes(tag[2]);
    if (tag[1].toLowerCase() === 'script' && attrs.src) urls.push(attrs.src);
    if (tag[1].toLowerCase() === 'link' && attrs.href && attrs.rel?.split(/\s+/).includes('modulepreload')) urls.push(attrs.href);
  }
  return urls;
}

/** What a module imports before it runs: its import and export-from declarations, never import(). */
function staticImports(source) {
  const file = ts.createSourceFile('chunk.js', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  return file.statements
    .filter((statement) => (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier)
    .map((statement) => statement.moduleSpecifier.text);
}

/** The file of the build a URL path names; a script from elsewhere cannot be measured, and the page's policy would refuse it. */
function fileOf(distDir, url, base = '/') {
  const resolved = new URL(url, `http://page${base}`);
  if (resolved.host !== 'page') throw new Error(`The first page loads a script from elsewhere: ${url}`);
  return path.join(distDir, ...decodeURIComponent(resolved.pathname).split('/').filter(Boolean));
}

/** Every JavaScript file the first page loads, in the order found, each once. */
function firstPageScripts(distDir) {
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile)) throw new Error(`${indexFile} is missing: build the web app first (npm run web:build)`);
  const queue = scriptsOfPage(fs.readFileSync(indexFile, 'utf8')).map((url) => fileOf(distDir, url));
  const seen = new Set();
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    if (!fs.existsSync(file)) throw new Error(`The first page loads ${path.relative(distDir, file)}, which is not in the build`);
    seen.add(file);
    const base = `/${path.relative(distDir, path.dirname(file)).split(path.sep).join('/')}/`.replace(/\/+$/, '/');
    for (const specifier of staticImports(fs.readFileSync(file, 'utf8'))) queue.push(fileOf(distDir, specifier, base));
  }
  return [...seen];
}

/**
 * JSX compiled for development calls `jsxDEV`; a production build never does. Such a build (Vite
 * follows an inherited NODE_ENV) also carries React's development runtime, which renders several
 * times slower, so it is refused like a build over budget.
 */
const DEVELOPMENT_MARKER = 'jsxDEV';

/** The first page's scripts with their sizes, whether together they keep within `budgetKb`, and whether they are a development build. */
function measureFirstPage(distDir, budgetKb = FIRST_PAGE_BUDGET_KB) {
  let developmentBuild = false;
  const files = firstPageScripts(distDir).map((file) => {
    const content = fs.readFileSync(file);
    if (content.includes(DEVELOPMENT_MARKER)) developmentBuild = true;
    return { file: path.relative(distDir, file).split(path.sep).join('/'), bytes: content.length, gzipped: zlib.gzipSync(content).length };
  });
  const totalGzipped = files.reduce((sum, file) => sum + file.gzipped, 0);
  return { files, totalGzipped, budgetBytes: budgetKb * 1000, withinBudget: totalGzipped <= budgetKb * 1000, developmentBuild };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

function main() {
  const distDir = path.resolve(process.argv[2] ?? path.join(root, 'apps', 'web', 'dist'));
  const { files, totalGzipped, budgetBytes, withinBudget, developmentBuild } = measureFirstPage(distDir);
  for (const file of files) console.log(`  ${file.file.padEnd(48)} ${kB(file.bytes).padStart(10)}  gzip ${kB(file.gzipped).padStart(9)}`);
  console.log(`first page JavaScript: ${kB(totalGzipped)} gzipped in ${files.length} file(s); budget ${kB(budgetBytes)}`);
  if (developmentBuild) {
    console.error('the web app was built in development mode (its scripts call jsxDEV): build it with npm run web:build, which always builds for production');
    process.exit(1);
  }
  if (!withinBudget) {
    console.error(`web budget exceeded by ${kB(totalGzipped - budgetBytes)}: load more of the app lazily (import()), or trim what the first page imports`);
    process.exit(1);
  }
}

module.exports = { FIRST_PAGE_BUDGET_KB, firstPageScripts, measureFirstPage, staticImports };

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(`check-web-budget: ${error.message}`);
    process.exit(1);
  }
}
