#!/usr/bin/env node
/**
 * `npm test [jest arguments]`: every test. Jest runs the server's tests and the browser journeys
 * (its arguments are passed on); Vitest then runs the web app's logic and component tests. Both
 * always run; the exit code is the first non-zero one. With WEB_TEST_REPORT set, Vitest writes its
 * JSON report there (CI adds its counts to Jest's).
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const jest = run(bin('jest'), process.argv.slice(2));
const report = process.env.WEB_TEST_REPORT;
const vitest = run(bin('vitest'), ['run', '--config', 'apps/web/vitest.config.ts', ...(report ? ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`] : [])]);
process.exit(jest || vitest);
