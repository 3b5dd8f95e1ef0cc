import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/referloop');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.databasePreparedStatements).toBe(true);
    expect(config.responseWindowHours).toEqual({ ROUTINE: 72, URGENT: 24 });
    expect(config.bootstrapAdmin).toBeNull();
  });

  it('runs statements unprepared with DATABASE_PREPARED_STATEMENTS=off', () => {
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'off' }).databasePreparedStatements).toBe(false);
  });

  it('treats an empty string as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' }).port).toBe(3000);
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toContain('/referloop');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://localhost'],
    ['JWT_SECRET', 'short'],
    ['RESPONSE_WINDOW_URGENT_HOURS', '-1'],
    ['LOG_LEVEL', 'verbose'],
    ['TRUST_PROXY', 'maybe'],
    ['GRAPHQL_MAX_ITEMS', '50'],
    ['DATABASE_PREPARED_STATEMENTS', 'yes'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('reads the matching weights per priority, and refuses incomplete, negative or unbalanced ones', () => {
    expect(loadConfig({}).matching.weights.URGENT).toEqual({ coverage: 0.5, distance: 0.15, responsiveness: 0.3, load: 0.05 });
    expect(loadConfig({ MATCH_WEIGHTS_ROUTINE: 'load:0.1, coverage:0.6, distance:0.2, responsiveness:0.1' }).matching.weights.ROUTINE).toEqual({
      coverage: 0.6,
      distance: 0.2,
      responsiveness: 0.1,
      load: 0.1,
    });
    for (const bad of ['coverage:0.5,distance:0.5', 'coverage:1.5,distance:-0.5,responsiveness:0,load:0', 'coverage:0.5,distance:0.25,responsiveness:0.15,load:0.2', 'coverage:a,distance:0.25,responsiveness:0.15,load:0.1', 'speed:1']) {
      expect(() => loadConfig({ MATCH_WEIGHTS_URGENT: bad })).toThrow('MATCH_WEIGHTS_URGENT');
    }
  });

  it('reads the episode settings, with their documented defaults', () => {
    expect(loadConfig({}).episode).toEqual({ noShowsBeforeTellingReferrer: 2, progressReportEveryVisits: 4, outcomeReminderAfterHours: 168 });
    expect(
      loadConfig({ NO_SHOWS_BEFORE_TELLING_REFERRER: '3', PROGRESS_REPORT_EVERY_VISITS: '0', OUTCOME_REMINDER_AFTER_HOURS: '0.01' }).episode,
    ).toEqual({ noShowsBeforeTellingReferrer: 3, progressReportEveryVisits: 0, outcomeReminderAfterHours: 0.01 });
    for (const [name, bad] of [['NO_SHOWS_BEFORE_TELLING_REFERRER', '0'], ['PROGRESS_REPORT_EVERY_VISITS', '-1'], ['OUTCOME_REMINDER_AFTER_HOURS', '0'], ['OUTCOME_REMINDER_AFTER_HOURS', '8785']]) {
      expect(() => loadConfig({ [name]: bad })).toThrow(name);
    }
  });

  it('reads the browser session lifetimes, with their documented defaults, refusing an idle timeout past the maximum age', () => {
    expect(loadConfig({}).sessions).toEqual({ idleTimeoutHours: 24, maxAgeDays: 14 });
    expect(loadConfig({ SESSION_IDLE_TIMEOUT_HOURS: '48', SESSION_MAX_AGE_DAYS: '2' }).sessions).toEqual({ idleTimeoutHours: 48, maxAgeDays: 2 });
    expect(() => loadConfig({ SESSION_IDLE_TIMEOUT_HOURS: '49', SESSION_MAX_AGE_DAYS: '2' })).toThrow('SESSION_IDLE_TIMEOUT_HOURS');
    for (const [name, bad] of [['SESSION_IDLE_TIMEOUT_HOURS', '0'], ['SESSION_IDLE_TIMEOUT_HOURS', '1.5'], ['SESSION_MAX_AGE_DAYS', '0'], ['SESSION_MAX_AGE_DAYS', '366']]) {
      expect(() => loadConfig({ [name]: bad })).toThrow(name);
    }
  });

  it('requires the bootstrap admin email and password together', () => {
    expect(() => loadConfig({ BOOTSTRAP_ADMIN_EMAIL: 'a@b.c' })).toThrow('BOOTSTRAP_ADMIN_PASSWORD');
    expect(loadConfig({ BOOTSTRAP_ADMIN_EMAIL: 'A@B.C', BOOTSTRAP_ADMIN_PASSWORD: 'long-enough-pw' }).bootstrapAdmin).toEqual({
      email: 'a@b.c',
      password: 'long-enough-pw',
    });
  });

  it('reads CORS origins, refusing paths, other schemes, and "*" in production', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example, http://localhost:5173' }).corsOrigins).toEqual(['https://app.example', 'http://localhost:5173']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
    expect(() => loadConfig({ CORS_ORIGINS: '*', NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), LINK_SECRET: 'y'.repeat(32) })).toThrow('CORS_ORIGINS');
    for (const bad of ['https://app.example/', 'https://app.example/path', 'ftp://files.example', 'app.example']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow('CORS_ORIGINS');
    }
  });

  it('knows production by NODE_ENV', () => {
    expect(loadConfig({}).production).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), LINK_SECRET: 'y'.repeat(32) }).production).toBe(true);
  });

  it('requires a link secret in production: kept in the database, it would let a copy of it mint password resets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow('LINK_SECRET is required when NODE_ENV=production');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), LINK_SECRET: 'y'.repeat(32) }).links.secret).toBe('y'.repeat(32));
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('JWT_SECRET');
  });

  it('accepts fractional response windows so tests can use seconds', () => {
    expect(loadConfig({ RESPONSE_WINDOW_ROUTINE_HOURS: '0.001' }).responseWindowHours.ROUTINE).toBe(0.001);
  });
});

describe('loadConfig: queues, mail, links and the worker', () => {
  it('uses the documented defaults (README "Configuration")', () => {
    const config = loadConfig({});
    expect(config.queuePrefix).toBe('referloop');
    expect(config.redisCommandTimeoutMs).toBe(1000);
    expect(config.workerPort).toBe(3001);
    expect(config.mail).toEqual({ smtpUrl: null, dir: 'var/mail', from: 'ReferLoop <no-reply@referloop.localhost>', maxConnections: 10, concurrency: 64 });
    expect(config.links).toEqual({ publicUrl: 'http://localhost:3000', secret: null, ttlDays: 90 });
    expect(config.worker).toEqual({
      concurrency: 8,
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      attempts: 6,
      backoffMs: 5000,
      relayAfterMs: 5000,
      relayIntervalMs: 2000,
      sweepIntervalMs: 60_000,
      housekeepingIntervalMs: 3_600_000,
      shutdownGraceMs: 10_000,
    });
  });

  it('reads every worker setting', () => {
    const config = loadConfig({
      WORKER_PORT: '0',
      WORKER_CONCURRENCY: '3',
      WORKER_LOCK_DURATION_MS: '5000',
      WORKER_STALLED_INTERVAL_MS: '1000',
      NOTIFICATION_ATTEMPTS: '2',
      NOTIFICATION_BACKOFF_MS: '100',
      OUTBOX_RELAY_AFTER_MS: '1000',
      OUTBOX_RELAY_INTERVAL_MS: '300',
      CLOCK_SWEEP_INTERVAL_MS: '600000',
      ACCOUNT_HOUSEKEEPING_INTERVAL_MS: '5000',
      WORKER_SHUTDOWN_GRACE_MS: '0',
    });
    expect(config.workerPort).toBe(0);
    expect(config.worker).toEqual({
      concurrency: 3,
      lockDurationMs: 5000,
      stalledIntervalMs: 1000,
      attempts: 2,
      backoffMs: 100,
      relayAfterMs: 1000,
      relayIntervalMs: 300,
      sweepIntervalMs: 600_000,
      housekeepingIntervalMs: 5000,
      shutdownGraceMs: 0,
    });
  });

  it('reads the email concurrency, which follows WORKER_CONCURRENCY when only that is set', () => {
    expect(loadConfig({ NOTIFICATION_CONCURRENCY: '12', WORKER_CONCURRENCY: '3' }).mail.concurrency).toBe(12);
    expect(loadConfig({ WORKER_CONCURRENCY: '3' }).mail.concurrency).toBe(3);
    expect(loadConfig({ SMTP_MAX_CONNECTIONS: '2' }).mail.maxConnections).toBe(2);
  });

  it('accepts a queue prefix of letters, digits, "_", "." and "-"', () => {
    expect(loadConfig({ QUEUE_PREFIX: 'referloop_e2e.run-7' }).queuePrefix).toBe('referloop_e2e.run-7');
  });

  it.each([
    ['a ":"', 'referloop:prod'],
    ['a space', 'refer loop'],
    ['more than 64 characters', 'q'.repeat(65)],
  ])('refuses a queue prefix with %s', (_what, value) => {
    expect(() => loadConfig({ QUEUE_PREFIX: value })).toThrow(ConfigError);
    expect(() => loadConfig({ QUEUE_PREFIX: value })).toThrow('QUEUE_PREFIX');
  });

  it('requires LINK_SECRET to have at least 32 characters', () => {
    expect(() => loadConfig({ LINK_SECRET: 'x'.repeat(31) })).toThrow('LINK_SECRET');
    expect(loadConfig({ LINK_SECRET: 'x'.repeat(32) }).links.secret).toBe('x'.repeat(32));
  });

  it('takes smtp:// and smtps:// SMTP URLs and refuses anything else', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://user:pass@mail.example:587' }).mail.smtpUrl).toBe('smtp://user:pass@mail.example:587');
    expect(loadConfig({ SMTP_URL: 'smtps://mail.example' }).mail.smtpUrl).toBe('smtps://mail.example');
    for (const value of ['http://mail.example', 'mail.example:25', 'not a url']) {
      expect(() => loadConfig({ SMTP_URL: value })).toThrow(ConfigError);
      expect(() => loadConfig({ SMTP_URL: value })).toThrow('SMTP_URL');
    }
  });

  it('derives the public URL from PORT by default and drops a trailing slash from a given one', () => {
    expect(loadConfig({ PORT: '8080' }).links.publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://referloop.example/' }).links.publicUrl).toBe('https://referloop.example');
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://referloop.example' })).toThrow('PUBLIC_URL');
  });

  it.each([
    ['NOTIFICATION_ATTEMPTS', '0'],
    ['NOTIFICATION_BACKOFF_MS', 'soon'],
    ['CLOCK_SWEEP_INTERVAL_MS', '10'],
    ['OUTBOX_RELAY_INTERVAL_MS', '-5'],
    ['WORKER_CONCURRENCY', '0'],
    ['WORKER_PORT', '70000'],
    ['REDIS_COMMAND_TIMEOUT_MS', '1.5'],
    ['STATUS_LINK_TTL_DAYS', '0'],
    ['RESPONSE_WINDOW_ROUTINE_HOURS', '0'],
    ['RESPONSE_WINDOW_ROUTINE_HOURS', 'a day'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe('loadConfig: the web app and the demo data', () => {
  it('serves the web app from apps/web/dist of the repository by default, and takes another folder, built or not yet', () => {
    expect(loadConfig({}).webDistDir).toBe(resolve(__dirname, '../../../../apps/web/dist'));
    const folder = mkdtempSync(join(tmpdir(), 'referloop-web-'));
    try {
      expect(loadConfig({ WEB_DIST_DIR: folder }).webDistDir).toBe(folder);
      expect(loadConfig({ WEB_DIST_DIR: join(folder, 'not-built-yet') }).webDistDir).toBe(join(folder, 'not-built-yet'));
      writeFileSync(join(folder, 'index.html'), '<!doctype html>');
      expect(() => loadConfig({ WEB_DIST_DIR: join(folder, 'index.html') })).toThrow('WEB_DIST_DIR');
    } finally {
      rmSync(folder, { recursive: true });
    }
  });

  it('loads the demo data in development unless DEMO_DATA=off, and never in production', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), LINK_SECRET: 'y'.repeat(32) };
    expect(loadConfig({}).demoData).toBe(true);
    expect(loadConfig({ DEMO_DATA: 'off' }).demoData).toBe(false);
    expect(loadConfig({ DEMO_DATA: 'ON' }).demoData).toBe(true);
    expect(loadConfig(production).demoData).toBe(false);
    expect(loadConfig({ ...production, DEMO_DATA: 'off' }).demoData).toBe(false);
    expect(() => loadConfig({ ...production, DEMO_DATA: 'on' })).toThrow('DEMO_DATA');
    expect(() => loadConfig({ DEMO_DATA: 'yes please' })).toThrow('DEMO_DATA');
  });
});
