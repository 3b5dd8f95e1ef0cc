import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeTheLoop } from './closing-the-loop';
import { assertDemoDatabase, DEFAULT_DEMO_DATABASE_URL, recreateDemoDatabase } from './demo-database';
import { startServices } from './demo-services';
import { treatEpisode } from './episode';
import { GraphqlClient } from './graphql-client';
import { LandedEmail, NotificationRow, printEmails, readMailbox, settledNotifications } from './mailbox';
import { onboard, signIn } from './onboarding';
import { ReferralView } from './operations';
import { Print, seconds } from './output';
import { assertRedisReachable, deleteQueueKeys } from '@referloop/jobs';
import { StepPrinter } from './steps';

export interface DemoOptions {
  /** The demo's own database, dropped and re-created on every run. */
  databaseUrl?: string;
  /** The development database, which the demo refuses to use as its own. */
  developmentDatabaseUrl?: string;
  redisUrl?: string;
  /** Prefix of the demo's queue keys in Redis; its own per run unless given. */
  queuePrefix?: string;
  /** Where the emails land; a fresh temporary folder unless given. */
  mailDir?: string;
  print?: Print;
  /** The apps' own log level; errors only by default, so the steps read clearly. */
  logLevel?: string;
  /** How long to wait for the worker to deliver every email. */
  settleTimeoutMs?: number;
}

export interface DemoResult {
  databaseUrl: string;
  mailDir: string;
  queuePrefix: string;
  episode: ReferralView;
  onward: ReferralView;
  notifications: NotificationRow[];
  emails: LandedEmail[];
}

const ADMIN_EMAIL = 'admin@referloop-demo.example';

/** URL without its password, for printing. */
const redact = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/**
 * Seeds the clinics of the demo through the real GraphQL API of the real gateway, drives one
 * referral through its whole lifecycle with the worker delivering its emails, and shows the
 * emails that landed. Everything it starts is stopped before it returns, whether it succeeded
 * or not; the database and the mailbox folder stay, for a look around.
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const databaseUrl = options.databaseUrl ?? DEFAULT_DEMO_DATABASE_URL;
  const redisUrl = options.redisUrl ?? 'redis://127.0.0.1:6379';
  const queuePrefix = options.queuePrefix ?? `referloop-demo-${randomBytes(4).toString('hex')}`;
  assertDemoDatabase(databaseUrl, options.developmentDatabaseUrl);
  const started = Date.now();
  await assertRedisReachable(redisUrl);

  print('ReferLoop demo: one referral, from assessment to outcome and onward, over the GraphQL API');
  print('');
  const migrations = await recreateDemoDatabase(databaseUrl);
  print(`  database  ${redact(databaseUrl)}: dropped and re-created for this run (${migrations} migrations applied)`);
  const mailDir = options.mailDir ? resolve(options.mailDir) : await mkdtemp(join(tmpdir(), 'referloop-demo-mail-'));
  await mkdir(mailDir, { recursive: true });
  print(`  mailbox   ${mailDir}: no SMTP server, so the worker writes each email here as an .eml file`);

  const adminPassword = randomBytes(18).toString('base64url');
  const userPassword = randomBytes(12).toString('base64url');
  const services = await startServices({
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    MAIL_DIR: mailDir,
    BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
    BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    LOG_LEVEL: options.logLevel ?? 'error',
  });
  let result: DemoResult;
  try {
    print(`  gateway   ${services.graphqlUrl}; worker health on 127.0.0.1:${services.workerHealthPort}; queues under "${queuePrefix}:" in Redis`);
    const anonymous = new GraphqlClient(services.graphqlUrl);
    const admin = await signIn(anonymous, ADMIN_EMAIL, adminPassword);

    print('');
    print(`Onboarding: the platform admin (${ADMIN_EMAIL}) creates clinics, users and providers; coordinators register patients`);
    const cast = await onboard(admin, anonymous, userPassword, print);

    print('');
    print('The referral: step, reference, status and version afterwards, who acted');
    const steps = new StepPrinter(print);
    const episode = await treatEpisode(cast, steps, print);
    const { episode: closed, onward } = await closeTheLoop(cast, episode, steps, print);

    print('');
    print('The emails');
    const notifications = await settledNotifications(admin.client, [closed.id, onward.id], options.settleTimeoutMs ?? 30_000);
    const emails = await readMailbox(mailDir, await readdir(mailDir), notifications);
    const unsent = printEmails(emails, notifications, print);

    print('Summary');
    print(`  ${closed.reference}: ${closed.status}, loop closed ${closed.loopClosedAt ? 'yes' : 'no'}, version ${closed.version}; onward ${onward.reference}: ${onward.status} to ${onward.toProvider?.displayName}`);
    print(`  ${emails.length} emails in ${mailDir}${unsent.length ? `; ${unsent.length} not sent` : ''}`);
    print(`  The database stays for a look around until the next run: DATABASE_URL=${redact(databaseUrl)} npm start,`);
    print(`  then sign in as ${cast.coordinators.chiropractic.email} (or any demo user) with password ${userPassword}`);
    result = { databaseUrl, mailDir, queuePrefix, episode: closed, onward, notifications, emails };
  } finally {
    try {
      await services.stop();
    } finally {
      await deleteQueueKeys(redisUrl, queuePrefix);
    }
  }
  print(`  Done in ${seconds(Date.now() - started)}; gateway and worker stopped, queue keys removed from Redis.`);
  return result;
}
