/**
 * Builds the web app (`npm run web:codegen`, then `npm run web:build`) when its build is missing
 * or older than anything it is made from: every file under apps/web but its build, the
 * committed schema.graphql its operations are typed against, and the server's vocabulary it
 * shows (libs/common/src/vocabulary). The build holds the app (apps/web/dist/index.html) and
 * GraphiQL (apps/web/dist/graphiql/index.html).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { newerFile } = require('./newer-file');

const root = path.resolve(__dirname, '..');
const webDir = path.join(root, 'apps', 'web');
const builtPages = ['apps/web/dist/index.html', 'apps/web/dist/graphiql/index.html'].map((page) => path.join(root, page));
const inputFiles = [path.join(root, 'schema.graphql')];
const inputDirs = [webDir, path.join(root, 'libs', 'common', 'src', 'vocabulary')];
/** Not inputs: the build itself. */
const skip = [path.join(webDir, 'dist'), 'node_modules'];

function webBuildReason() {
  let builtAt = Infinity;
  for (const page of builtPages) {
    if (!fs.existsSync(page)) return `${path.relative(root, page)} is missing`;
    builtAt = Math.min(builtAt, fs.statSync(page).mtimeMs);
  }
  for (const file of inputFiles) {
    if (fs.statSync(file).mtimeMs > builtAt) return `${path.relative(root, file)} changed`;
  }
  for (const dir of inputDirs) {
    const changed = newerFile(dir, builtAt, { skip });
    if (changed) return `${path.relative(root, changed)} changed`;
  }
  return undefined;
}

function run(script) {
  const result = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) throw result.error;
  return result.status === 0 ? undefined : `npm run ${script} failed (exit ${result.status ?? result.signal})`;
}

function ensureWebBuilt() {
  // A checkout without the app's sources (only its config) has nothing to build yet.
  if (!fs.existsSync(path.join(webDir, 'src'))) {
    console.log('[ensure-built] apps/web/src is missing: the web app is not built (the gateway serves the API alone)');
    return;
  }
  const reason = webBuildReason();
  if (!reason) return;
  console.log(`[ensure-built] ${reason}: running npm run web:codegen and npm run web:build`);
  const failure = run('web:codegen') ?? run('web:build');
  if (failure) {
    // Vite writes index.html last, but a half-made build must not pass for a current one.
    for (const page of builtPages) if (fs.existsSync(page)) fs.utimesSync(page, 0, 0);
    console.error(`[ensure-built] ${failure}`);
    process.exit(1);
  }
}

module.exports = { ensureWebBuilt, webBuildReason };
