/**
 * Three projects: `unit` (specs beside the code, no services), `service` (test/service: the
 * libs' Nest modules over a real PostgreSQL database and Redis, services called directly) and
 * `e2e` (test/, real PostgreSQL over real HTTP). Each test file of the last two gets its own
 * database, cloned from templates globalSetup and the first file that needs the usual cast make
 * once per run.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // `@referloop/<lib>` through the one mapping every loader shares (scripts/lib-aliases.js).
  resolver: '<rootDir>/scripts/jest-resolver.js',
};

const withDatabases = {
  ...shared,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

module.exports = {
  // Jest 30 reads the timeout only at the top level, not per project: e2e tests boot servers.
  testTimeout: 30000,
  // Jest's default is one worker less than the CPUs: a single worker on a 2-CPU machine. The
  // e2e files spend much of their time waiting (on PostgreSQL, Redis, SMTP, timers), so two
  // workers keep both CPUs busy. Each file has its own database and queue prefix.
  maxWorkers: 2,
  // Slow files first, so that no worker is left with a long file at the end of the run.
  testSequencer: '<rootDir>/test/support/slow-first-sequencer.js',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'] },
    { ...withDatabases, displayName: 'service', testMatch: ['<rootDir>/test/service/**/*.service-spec.ts'] },
    { ...withDatabases, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
