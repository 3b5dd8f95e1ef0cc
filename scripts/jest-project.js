#!/usr/bin/env node
/**
 * `node scripts/jest-project.js <project> [jest arguments]`: jest on one project of
 * jest.config.js, behind `npm run test:unit -- [jest arguments]` (likewise test:service and test:e2e).
 *
 * `--selectProjects` takes every word after it as a project name, so with the arguments npm
 * appends after it (`jest --selectProjects e2e test/x.e2e-spec.ts`) it would run the whole
 * project and warn about a project called test/x.e2e-spec.ts. Given last, it takes only its own.
 */
const [project, ...args] = process.argv.slice(2);
if (!project) {
  console.error('usage: node scripts/jest-project.js <project> [jest arguments]');
  process.exit(2);
}
// jest reports failures and sets the exit code itself.
void require('jest').run([...args, '--selectProjects', project]);
