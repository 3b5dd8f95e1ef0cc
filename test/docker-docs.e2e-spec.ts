import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * scripts/check-docker-docs.js, which .ci/run runs: README.md's "Run it with Docker" block of
 * build steps against docker/Dockerfile, docker/compose.yml and scripts/apps.js. Plain file
 * reads, no Docker. In the e2e project only because Jest's unit project looks under apps/ and
 * libs/; it touches no database.
 */

interface Step {
  label: string;
  command: string;
  source?: string;
}
interface Apps {
  APPS: Record<string, { entry: string; nodeFlags: string[] }>;
  nodeArgs: (app: string) => string[];
}
interface Files {
  dockerfile: string;
  compose: string;
  readme: string;
  dockerignore: string;
  apps: Apps;
  exists: (file: string) => boolean;
  appNodeVersion: string;
}
interface CheckDockerDocs {
  readmeSteps: (readme: string) => Step[];
  composeCommand: (compose: string, service: string) => string[] | undefined;
  compareSteps: (expected: Step[], documented: Step[]) => string[];
  check: (files: Files) => { steps: Step[]; problems: string[] };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require('../scripts/check-docker-docs') as CheckDockerDocs;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const realApps = require('../scripts/apps') as Apps;

const ROOT = resolve(__dirname, '..');
const read = (file: string) => readFileSync(resolve(ROOT, file), 'utf8');

const apps: Apps = {
  APPS: {
    gateway: { entry: 'dist/gateway.js', nodeFlags: ['--max-semi-space-size=64'] },
    worker: { entry: 'dist/worker.js', nodeFlags: [] },
  },
  nodeArgs: (app) => [...apps.APPS[app].nodeFlags, '-r', './aliases.js', apps.APPS[app].entry],
};

const dockerfile = `
# comment
ARG NODE_IMAGE=node:24.21.0-bookworm-slim
FROM \${NODE_IMAGE} AS deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM \${NODE_IMAGE} AS build
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \\
    npm ci && \\
    # a comment inside a continuation
    npm run   build
COPY apps ./apps

FROM \${NODE_IMAGE}
COPY --from=build /app/dist ./dist
RUN mkdir -p var && chown node var
CMD ["node", "--max-semi-space-size=64", "-r", "./aliases.js", "dist/gateway.js"]
`;

const compose = `
x-app: &app
  command: ["not", "a", "service"]
services:
  gateway:
    <<: *app
  worker:
    # the worker
    command: ["node", "-r", "./aliases.js", "dist/worker.js"]
    ports:
      - "3001:3001"
volumes:
  data:
`;

const block = (lines: string[]) =>
  ['# Docker', '', '<!-- docker-build-steps: checked -->', '```text', ...lines, '```', '', 'More text.'].join('\n');

const goodLines = [
  'deps:    npm ci --omit=dev',
  'build:   npm ci',
  'build:   npm run build',
  'gateway: node --max-semi-space-size=64 -r ./aliases.js dist/gateway.js',
  'worker:  node -r ./aliases.js dist/worker.js',
];

const dockerignore = ['*', '!package.json', '!package-lock.json', '!apps/'].join('\n');

const files = (overrides: Partial<Files> = {}): Files => ({
  dockerfile,
  compose,
  readme: block(goodLines),
  dockerignore,
  apps,
  exists: () => true,
  appNodeVersion: '24.21.0',
  ...overrides,
});

describe('scripts/check-docker-docs.js', () => {
  it('passes when the README lists the npm steps by stage and both start commands', () => {
    const result = script.check(files());
    expect(result.problems).toEqual([]);
    expect(result.steps.map((step) => `${step.label}: ${step.command}`)).toEqual([
      'deps: npm ci --omit=dev',
      'build: npm ci',
      'build: npm run build',
      'gateway: node --max-semi-space-size=64 -r ./aliases.js dist/gateway.js',
      'worker: node -r ./aliases.js dist/worker.js',
    ]);
  });

  it('names a step the Dockerfile runs and the README leaves out', () => {
    const { problems } = script.check(files({ readme: block(goodLines.filter((line) => !line.includes('run build'))) }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('build: npm run build');
    expect(problems[0]).toContain('README.md does not list');
  });

  it('pairs a changed step with the README line it replaced', () => {
    const readme = block(goodLines.map((line) => line.replace('npm run build', 'npm run compile')));
    const { problems } = script.check(files({ readme }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/has\s+build: npm run build\s+where README.md lists\s+build: npm run compile/);
  });

  it('names a README line nothing runs, and a change of order', () => {
    const extra = script.check(files({ readme: block([...goodLines, 'build: npm test']) }));
    expect(extra.problems).toEqual([expect.stringContaining('README.md lists\n      build: npm test')]);
    const swapped = [goodLines[1], goodLines[0], ...goodLines.slice(2)];
    const reordered = script.check(files({ readme: block(swapped) }));
    expect(reordered.problems).toEqual([expect.stringContaining('another order')]);
  });

  it('refuses a start command other than the one `npm start` runs', () => {
    const { problems } = script.check(files({ dockerfile: dockerfile.replace('"--max-semi-space-size=64", ', '') }));
    expect(problems[0]).toContain('starts gateway with');
    expect(problems[0]).toContain('node --max-semi-space-size=64 -r ./aliases.js dist/gateway.js');
  });

  it('refuses a shell-form CMD and a worker command that is not a JSON array', () => {
    const shell = script.check(files({ dockerfile: dockerfile.replace(/^CMD .*$/m, 'CMD node dist/gateway.js') }));
    expect(shell.problems[0]).toContain('exec form');
    expect(() => script.check(files({ compose: compose.replace(/^ {4}command: \[.*\]$/m, '    command: node dist/worker.js') }))).toThrow(
      /one-line JSON array/,
    );
  });

  it('reads a service command only from that service', () => {
    expect(script.composeCommand(compose, 'worker')).toEqual(['node', '-r', './aliases.js', 'dist/worker.js']);
    expect(script.composeCommand(compose, 'gateway')).toBeUndefined();
  });

  it('checks that each COPY source exists and is allowed by the .dockerignore', () => {
    const missing = script.check(files({ exists: (file) => file !== 'apps' }));
    expect(missing.problems).toEqual([expect.stringContaining('copies apps, which is not in the repository')]);
    const ignored = script.check(files({ dockerignore: '*\n!package.json\n!package-lock.json' }));
    expect(ignored.problems).toEqual([expect.stringContaining('add `!apps`')]);
  });

  it('checks that the image runs the apps on the Node.js npm start runs them on', () => {
    const { problems } = script.check(files({ appNodeVersion: '24.22.0' }));
    expect(problems).toEqual([expect.stringContaining('NODE_IMAGE is node:24.21.0-bookworm-slim; the apps run on Node.js 24.22.0')]);
    const unset = script.check(files({ dockerfile: dockerfile.replace(/^ARG NODE_IMAGE=.*$/m, '') }));
    expect(unset.problems).toEqual([expect.stringContaining('NODE_IMAGE is not set')]);
  });

  it('fails without the marker or a closed block', () => {
    expect(() => script.readmeSteps('# README\n```text\nbuild: npm ci\n```')).toThrow(/marker/);
    expect(() => script.readmeSteps('<!-- docker-build-steps -->\n```text\nbuild: npm ci\n')).toThrow(/not closed/);
    expect(() => script.readmeSteps('<!-- docker-build-steps -->\n```text\nnpm ci\n```')).toThrow(/label: command/);
  });

  it('finds docker/Dockerfile, docker/compose.yml and README.md in agreement', () => {
    const result = script.check({
      dockerfile: read('docker/Dockerfile'),
      compose: read('docker/compose.yml'),
      readme: read('README.md'),
      dockerignore: read('docker/Dockerfile.dockerignore'),
      apps: realApps,
      exists: (file) => existsSync(resolve(ROOT, file)),
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      appNodeVersion: (require('../scripts/runtime') as { APP_NODE_VERSION: string }).APP_NODE_VERSION,
    });
    expect(result.problems).toEqual([]);
    expect(result.steps.map((step) => step.label)).toEqual(expect.arrayContaining(Object.keys(realApps.APPS)));
  });
});
