import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repositoryRoot } from './repository-root';

/**
 * Environment is read exactly once, at start-up, into this typed object. Anything missing or
 * malformed stops the process with a message naming the variable, so a misconfigured replica
 * never half-starts. An empty string counts as unset (shells and compose files produce them).
 */
export interface AppConfig {
  /** NODE_ENV=production: no introspection, JWT_SECRET required, CORS never open to every origin. */
  production: boolean;
  /** Browser origins allowed to call the API cross-origin; empty: none (same origin only); ['*']: any (not in production). */
  corsOrigins: string[];
  port: number;
  host: string;
  /**
   * Whom to believe in X-Forwarded-For when reading the client address: nobody (false), every
   * hop (true), the last N hops, or the listed proxy addresses/CIDR ranges.
   */
  trustProxy: boolean | number | string;
  databaseUrl: string;
  databasePoolSize: number;
  /** Statements with parameters run prepared on each connection (off only behind a pooler that cannot keep them). */
  databasePreparedStatements: boolean;
  redisUrl: string;
  jwtSecret: string;
  jwtSecretGenerated: boolean;
  jwtTtlSeconds: number;
  bootstrapAdmin: { email: string; password: string } | null;
  responseWindowHours: { ROUTINE: number; URGENT: number };
  loginThrottle: { maxFailures: number; windowSeconds: number };
  /** Sessions (signIn, login, refreshSession): how long one lasts unused, and at most. */
  sessions: SessionConfig;
  accounts: AccountsConfig;
  /** Platform admins must sign in with a second factor (TOTP). */
  twoFactorRequiredForPlatformAdmins: boolean;
  /** Limits on one GraphQL request, each checked before anything runs (docs/request-limits.md). */
  graphql: { maxDepth: number; maxItems: number; maxCost: number; maxTokens: number };
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** The worker's health endpoint. */
  workerPort: number;
  /** Key prefix of every BullMQ queue; replicas of one deployment share it. */
  queuePrefix: string;
  /** How long a Redis command may take before the gateway gives up on it (it never blocks a mutation on Redis). */
  redisCommandTimeoutMs: number;
  mail: MailConfig;
  links: { publicUrl: string; secret: string | null; ttlDays: number };
  worker: WorkerConfig;
  matching: MatchingConfig;
  episode: EpisodeConfig;
  webhooks: WebhookConfig;
  /** The built web app (index.html, assets/), served by the gateway at `/`; it may not be built yet. */
  webDistDir: string;
  /** Load the demo dataset into an empty database at the gateway's start: development only. */
  demoData: boolean;
}

/**
 * A browser session ends when it has not been refreshed for `idleTimeoutHours` (the web app
 * refreshes while it is open, at least once per access token), or `maxAgeDays` after sign-in
 * however much it was used, whichever comes first.
 */
export interface SessionConfig {
  idleTimeoutHours: number;
  maxAgeDays: number;
}

/** Invitations and password resets. */
export interface AccountsConfig {
  /** How long an invitation's link works. */
  invitationTtlHours: number;
  /** How long a password reset's link works. */
  passwordResetTtlMinutes: number;
  /** Reset requests one email address may make per window, and one client address (times ten: offices share NAT). */
  resetRequestsPerAddress: number;
  resetThrottleWindowSeconds: number;
}

/** When the treating side reports back to the referrer during and after an episode of care. */
export interface EpisodeConfig {
  /** The referrer is told at this many missed visits, and at each one after it. */
  noShowsBeforeTellingReferrer: number;
  /** An interim progress report goes to the referrer every this many attended visits; 0 turns them off. */
  progressReportEveryVisits: number;
  /** A completed referral whose outcome the referrer has not acknowledged after this long reminds them, once. */
  outcomeReminderAfterHours: number;
}

/** How much each part of a match counts; each priority's four weights sum to 1, so scores run 0..1. */
export interface MatchWeights {
  coverage: number;
  distance: number;
  responsiveness: number;
  load: number;
}

export interface MatchingConfig {
  weights: { ROUTINE: MatchWeights; URGENT: MatchWeights };
  /** A provider whose median answer takes this long scores 0.5 on responsiveness. */
  responsivenessHalfHours: number;
  /** How often the worker recomputes every provider's stats (rolling the 90-day window on). */
  statsRefreshIntervalMs: number;
  /** How often the worker recomputes the stats moves have filed as due. */
  statsDueIntervalMs: number;
}

export interface MailConfig {
  /** SMTP server; null writes .eml files into `dir` instead. */
  smtpUrl: string | null;
  dir: string;
  from: string;
  /** Pooled SMTP connections. */
  maxConnections: number;
  /**
   * Emails one worker process delivers at once (the notification queue's concurrency). Their
   * reads and SENT records are grouped, so more in flight means fewer, larger statements.
   * Unset, WORKER_CONCURRENCY when that is set, else 64.
   */
  concurrency: number;
}

export interface WorkerConfig {
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  /** Attempts per email before it is FAILED, with exponential backoff from `backoffMs`. */
  attempts: number;
  backoffMs: number;
  /** A PENDING notification older than this is handed to the queue again by the relay. */
  relayAfterMs: number;
  relayIntervalMs: number;
  /** How often the response clock is checked against PostgreSQL. */
  sweepIntervalMs: number;
  /** How often spent sign-in challenges, old throttle counts and long-ended sessions are deleted. */
  housekeepingIntervalMs: number;
  /** How long SIGTERM waits for running jobs. */
  shutdownGraceMs: number;
}

/** Webhook deliveries (Standard Webhooks) to clinics' endpoints. */
export interface WebhookConfig {
  /**
   * Endpoints on loopback, private, link-local and metadata addresses, and plain http outside
   * production, are allowed: for tests and development, whose receivers listen on 127.0.0.1.
   */
  allowPrivateTargets: boolean;
  /** How long an attempt may take before it counts as failed (the spec: a 2xx within 15 s). */
  timeoutMs: number;
  /** The wait before each retry, in order (attempt 2 waits the first): after the last, the delivery fails. */
  retryDelaysMs: number[];
  /** An endpoint failing every attempt for this long is disabled, and its clinic's admins told. */
  disableAfterHours: number;
}

/**
 * The longest a throttle may count back (LOGIN_THROTTLE_WINDOW_SECONDS,
 * PASSWORD_RESET_THROTTLE_WINDOW_SECONDS): what the worker's purge keeps, whatever its own
 * settings say, so a gateway configured with a longer window than the worker loses nothing.
 */
export const MAX_THROTTLE_WINDOW_SECONDS = 86_400;

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Configuration error: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function positiveNumber(env: Env, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(name, `must be a positive number, got "${raw}"`);
  if (value > max) throw new ConfigError(name, `must be at most ${max}, got ${value}`);
  return value;
}

const WEIGHT_NAMES = ['coverage', 'distance', 'responsiveness', 'load'] as const;

/** "coverage:0.5,distance:0.25,responsiveness:0.15,load:0.1": all four, none negative, summing to 1. */
function weights(env: Env, name: string, fallback: MatchWeights): MatchWeights {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const parsed: Partial<Record<string, number>> = {};
  for (const part of raw.split(',')) {
    const [key, value] = part.split(':').map((piece) => piece.trim());
    const number = Number(value);
    if (!(WEIGHT_NAMES as readonly string[]).includes(key) || value === undefined || value === '' || !Number.isFinite(number) || number < 0) {
      throw new ConfigError(name, `must look like "coverage:0.5,distance:0.25,responsiveness:0.15,load:0.1", got "${raw}"`);
    }
    parsed[key] = number;
  }
  const missing = WEIGHT_NAMES.filter((key) => parsed[key] === undefined);
  if (missing.length > 0) throw new ConfigError(name, `must give all of ${WEIGHT_NAMES.join(', ')}; missing ${missing.join(', ')}`);
  const result = parsed as unknown as MatchWeights;
  const sum = WEIGHT_NAMES.reduce((total, key) => total + result[key], 0);
  if (Math.abs(sum - 1) > 1e-6) throw new ConfigError(name, `weights must sum to 1, got ${Number(sum.toFixed(6))}`);
  return result;
}

function url(env: Env, name: string, fallback: string, protocols: string[]): string {
  const raw = read(env, name) ?? fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return raw;
}

function trustProxy(env: Env): boolean | number | string {
  const raw = read(env, 'TRUST_PROXY');
  if (raw === undefined || ['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes'].includes(raw.toLowerCase())) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const ranges = raw.split(',').map((part) => part.trim());
  if (ranges.every((range) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(range))) return ranges.join(',');
  throw new ConfigError('TRUST_PROXY', `must be true, false, a hop count or a list of proxy addresses, got "${raw}"`);
}

/** "https://app.example,https://admin.example": origins only (scheme, host, port), or "*" outside production. */
function corsOrigins(env: Env, production: boolean): string[] {
  const raw = read(env, 'CORS_ORIGINS');
  if (raw === undefined) return [];
  const origins = raw.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (origins.length === 1 && origins[0] === '*') {
    if (production) throw new ConfigError('CORS_ORIGINS', 'may not be "*" when NODE_ENV=production; list the origins');
    return origins;
  }
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError('CORS_ORIGINS', `must list origins such as https://app.example (no path, no trailing slash), got "${origin}"`);
    }
  }
  return origins;
}

/** A folder that may not exist yet (the web app before its first build), but is no file. */
function folder(env: Env, name: string, fallback: string): string {
  const path = resolve(read(env, name) ?? fallback);
  let isFolder: boolean | undefined;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new ConfigError(name, `cannot be read: ${(error as Error).message}`);
  }
  if (isFolder === false) throw new ConfigError(name, `must be a folder, got a file: ${path}`);
  return path;
}

/** A comma-separated list of waits in milliseconds, each 1 ms to a day, at least one. */
function delays(env: Env, name: string, fallback: number[]): number[] {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part) || Number(part) < 1 || Number(part) > 86_400_000)) {
    throw new ConfigError(name, `must be a comma-separated list of milliseconds, each from 1 to 86400000, got "${raw}"`);
  }
  return parts.map(Number);
}

/** A setting that is `on` or `off`. */
function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (raw !== 'on' && raw !== 'off') throw new ConfigError(name, `must be on or off, got "${raw}"`);
  return raw === 'on';
}

/** DEMO_DATA: on by default in development; never in production. */
function demoData(env: Env, production: boolean): boolean {
  const raw = read(env, 'DEMO_DATA')?.toLowerCase();
  if (raw !== undefined && raw !== 'on' && raw !== 'off') throw new ConfigError('DEMO_DATA', `must be on or off, got "${raw}"`);
  if (raw === 'on' && production) throw new ConfigError('DEMO_DATA', 'may not be on when NODE_ENV=production: the demo users share one published password');
  return raw === undefined ? !production : raw === 'on';
}

export function loadConfig(env: Env = process.env): AppConfig {
  const production = read(env, 'NODE_ENV') === 'production';
  const jwtSecret = read(env, 'JWT_SECRET');
  if (production && jwtSecret === undefined) throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  if (jwtSecret !== undefined && jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');

  const adminEmail = read(env, 'BOOTSTRAP_ADMIN_EMAIL');
  const adminPassword = read(env, 'BOOTSTRAP_ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError(adminEmail ? 'BOOTSTRAP_ADMIN_PASSWORD' : 'BOOTSTRAP_ADMIN_EMAIL', 'must be set together with its pair');
  }
  if (adminPassword !== undefined && adminPassword.length < 12) {
    throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD', 'must be at least 12 characters');
  }

  const logLevel = read(env, 'LOG_LEVEL') ?? 'log';
  if (!['error', 'warn', 'log', 'debug'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of error, warn, log, debug; got "${logLevel}"`);
  }

  const port = integer(env, 'PORT', 3000, 0, 65535);
  const sessions = {
    idleTimeoutHours: integer(env, 'SESSION_IDLE_TIMEOUT_HOURS', 24, 1, 365 * 24),
    maxAgeDays: integer(env, 'SESSION_MAX_AGE_DAYS', 14, 1, 365),
  };
  if (sessions.idleTimeoutHours > sessions.maxAgeDays * 24) {
    throw new ConfigError('SESSION_IDLE_TIMEOUT_HOURS', `must be at most SESSION_MAX_AGE_DAYS in hours (${sessions.maxAgeDays * 24}), got ${sessions.idleTimeoutHours}`);
  }
  const linkSecret = read(env, 'LINK_SECRET');
  // The key derives invitation and password-reset tokens: kept in the database, as it is in
  // development, anyone reading a copy of the database could mint a reset for any account.
  if (production && linkSecret === undefined) throw new ConfigError('LINK_SECRET', 'is required when NODE_ENV=production');
  if (linkSecret !== undefined && linkSecret.length < 32) throw new ConfigError('LINK_SECRET', 'must be at least 32 characters');
  const queuePrefix = read(env, 'QUEUE_PREFIX') ?? 'referloop';
  // BullMQ joins prefix, queue name and job id with ':'; a ':' inside would make keys ambiguous.
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(queuePrefix)) throw new ConfigError('QUEUE_PREFIX', 'may hold only letters, digits, _ . - (no ":")');

  return {
    production,
    corsOrigins: corsOrigins(env, production),
    port,
    host: read(env, 'HOST') ?? '0.0.0.0',
    trustProxy: trustProxy(env),
    databaseUrl: url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/referloop', ['postgres:', 'postgresql:']),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    databasePreparedStatements: flag(env, 'DATABASE_PREPARED_STATEMENTS', true),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    // Unset outside production: a random secret per process keeps `npm start` one command and
    // can never be guessed, at the price of tokens that die with the process (and do not work
    // across replicas): set JWT_SECRET for anything longer-lived.
    jwtSecret: jwtSecret ?? randomBytes(48).toString('base64url'),
    jwtSecretGenerated: jwtSecret === undefined,
    jwtTtlSeconds: integer(env, 'JWT_TTL_SECONDS', 15 * 60, 60, 24 * 3600),
    bootstrapAdmin: adminEmail && adminPassword ? { email: adminEmail.toLowerCase(), password: adminPassword } : null,
    responseWindowHours: {
      ROUTINE: positiveNumber(env, 'RESPONSE_WINDOW_ROUTINE_HOURS', 72),
      URGENT: positiveNumber(env, 'RESPONSE_WINDOW_URGENT_HOURS', 24),
    },
    loginThrottle: {
      maxFailures: integer(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
      windowSeconds: integer(env, 'LOGIN_THROTTLE_WINDOW_SECONDS', 900, 1, MAX_THROTTLE_WINDOW_SECONDS),
    },
    sessions,
    accounts: {
      invitationTtlHours: integer(env, 'INVITATION_TTL_HOURS', 7 * 24, 1, 90 * 24),
      passwordResetTtlMinutes: integer(env, 'PASSWORD_RESET_TTL_MINUTES', 30, 5, 24 * 60),
      resetRequestsPerAddress: integer(env, 'PASSWORD_RESET_MAX_REQUESTS', 3, 1, 1000),
      resetThrottleWindowSeconds: integer(env, 'PASSWORD_RESET_THROTTLE_WINDOW_SECONDS', 3600, 1, MAX_THROTTLE_WINDOW_SECONDS),
    },
    twoFactorRequiredForPlatformAdmins: flag(env, 'TWO_FACTOR_REQUIRED_FOR_PLATFORM_ADMINS', production),
    graphql: {
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 8, 2, 50),
      maxItems: integer(env, 'GRAPHQL_MAX_ITEMS', 300, 100, 10000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', 2000, 100, 1_000_000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 10_000, 500, 100_000),
    },
    logLevel: logLevel as AppConfig['logLevel'],
    workerPort: integer(env, 'WORKER_PORT', 3001, 0, 65535),
    queuePrefix,
    redisCommandTimeoutMs: integer(env, 'REDIS_COMMAND_TIMEOUT_MS', 1000, 50, 60_000),
    mail: {
      smtpUrl: read(env, 'SMTP_URL') === undefined ? null : url(env, 'SMTP_URL', '', ['smtp:', 'smtps:']),
      dir: read(env, 'MAIL_DIR') ?? 'var/mail',
      from: read(env, 'MAIL_FROM') ?? 'ReferLoop <no-reply@referloop.localhost>',
      maxConnections: integer(env, 'SMTP_MAX_CONNECTIONS', 10, 1, 100),
      // A deployment that tuned WORKER_CONCURRENCY alone keeps it for emails too.
      concurrency: integer(env, 'NOTIFICATION_CONCURRENCY', read(env, 'WORKER_CONCURRENCY') === undefined ? 64 : integer(env, 'WORKER_CONCURRENCY', 8, 1, 500), 1, 500),
    },
    links: {
      publicUrl: url(env, 'PUBLIC_URL', `http://localhost:${port || 3000}`, ['http:', 'https:']).replace(/\/+$/, ''),
      // Unset: a random secret kept in the database, shared by every process (see LinkSigner).
      secret: linkSecret ?? null,
      ttlDays: integer(env, 'STATUS_LINK_TTL_DAYS', 90, 1, 3650),
    },
    worker: {
      concurrency: integer(env, 'WORKER_CONCURRENCY', 8, 1, 500),
      lockDurationMs: integer(env, 'WORKER_LOCK_DURATION_MS', 30_000, 1000, 3_600_000),
      stalledIntervalMs: integer(env, 'WORKER_STALLED_INTERVAL_MS', 30_000, 500, 3_600_000),
      attempts: integer(env, 'NOTIFICATION_ATTEMPTS', 6, 1, 50),
      backoffMs: integer(env, 'NOTIFICATION_BACKOFF_MS', 5000, 10, 3_600_000),
      relayAfterMs: integer(env, 'OUTBOX_RELAY_AFTER_MS', 5000, 100, 3_600_000),
      relayIntervalMs: integer(env, 'OUTBOX_RELAY_INTERVAL_MS', 2000, 50, 3_600_000),
      sweepIntervalMs: integer(env, 'CLOCK_SWEEP_INTERVAL_MS', 60_000, 100, 86_400_000),
      housekeepingIntervalMs: integer(env, 'ACCOUNT_HOUSEKEEPING_INTERVAL_MS', 3_600_000, 1000, 7 * 86_400_000),
      shutdownGraceMs: integer(env, 'WORKER_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    },
    webhooks: {
      allowPrivateTargets: flag(env, 'WEBHOOK_ALLOW_PRIVATE_TARGETS', false),
      timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 15_000, 100, 60_000),
      // Standard Webhooks' schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h.
      retryDelaysMs: delays(env, 'WEBHOOK_RETRY_DELAYS_MS', [5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400].map((seconds) => seconds * 1000)),
      disableAfterHours: integer(env, 'WEBHOOK_DISABLE_AFTER_HOURS', 120, 1, 24 * 90),
    },
    matching: {
      // Coverage weighs as much as everything else together, so a provider who treats the
      // condition outranks one a few km nearer who does not; urgent referrals move weight from
      // distance and load to how quickly the provider answers.
      weights: {
        ROUTINE: weights(env, 'MATCH_WEIGHTS_ROUTINE', { coverage: 0.5, distance: 0.25, responsiveness: 0.15, load: 0.1 }),
        URGENT: weights(env, 'MATCH_WEIGHTS_URGENT', { coverage: 0.5, distance: 0.15, responsiveness: 0.3, load: 0.05 }),
      },
      responsivenessHalfHours: positiveNumber(env, 'MATCH_RESPONSIVENESS_HALF_HOURS', 24),
      statsRefreshIntervalMs: integer(env, 'PROVIDER_STATS_REFRESH_INTERVAL_MS', 3_600_000, 1000, 7 * 86_400_000),
      statsDueIntervalMs: integer(env, 'PROVIDER_STATS_DUE_INTERVAL_MS', 1000, 50, 3_600_000),
    },
    episode: {
      noShowsBeforeTellingReferrer: integer(env, 'NO_SHOWS_BEFORE_TELLING_REFERRER', 2, 1, 100),
      progressReportEveryVisits: integer(env, 'PROGRESS_REPORT_EVERY_VISITS', 4, 0, 100),
      outcomeReminderAfterHours: positiveNumber(env, 'OUTCOME_REMINDER_AFTER_HOURS', 168, 24 * 366),
    },
    webDistDir: folder(env, 'WEB_DIST_DIR', join(repositoryRoot(), 'apps', 'web', 'dist')),
    demoData: demoData(env, production),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
