import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { DemoResult, runDemo } from '../apps/demo/src/demo';
import { databaseUrl, dropTestDatabase, RUN_ID_ENV } from './support/test-database';

/*
 * `npm run demo` end to end, as CI runs it: its own fresh database, the real gateway and
 * worker in process, every step over HTTP, emails into a mailbox folder. The test gives the
 * demo a database, queue prefix and mailbox of its own and reads what it printed.
 */
const REDIS_URL = process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
/** Under the run's id, so the suite's teardown drops it even if this file never gets to. */
const DATABASE = `${process.env[RUN_ID_ENV]}_demo_${randomBytes(4).toString('hex')}`;

const STEPS = [
  'createReferral',
  'acceptReferral',
  'scheduleReferral',
  'setTreatmentPlan',
  'recordVisit',
  'recordVisit',
  'recordVisit',
  'recordVisit',
  'recordVisit',
  'recordVisit',
  'sendProgressReport',
  'recordVisit',
  'completeReferral',
  'acknowledgeReferralOutcome',
  'referOnward',
];

async function queueKeys(prefix: string): Promise<string[]> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    return await redis.keys(`${prefix}:*`);
  } finally {
    redis.disconnect();
  }
}

describe('npm run demo', () => {
  const mailDirs: string[] = [];
  const lines: string[] = [];
  let result: DemoResult;

  async function demo(print: (line: string) => void): Promise<DemoResult> {
    const mailDir = await mkdtemp(join(tmpdir(), 'referloop-demo-e2e-'));
    mailDirs.push(mailDir);
    return runDemo({ databaseUrl: databaseUrl(DATABASE), redisUrl: REDIS_URL, queuePrefix: DATABASE, mailDir, print });
  }

  beforeAll(async () => {
    result = await demo((line) => lines.push(line));
  }, 120_000);

  afterAll(async () => {
    await dropTestDatabase(DATABASE);
    await Promise.all(mailDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('drives the referral to the end: completed, loop closed, referred onward to physical therapy', () => {
    expect(result.episode).toMatchObject({ status: 'COMPLETED', toProvider: { displayName: 'Lee Morgan, LMT, LAc' } });
    expect(result.episode.loopClosedAt).not.toBeNull();
    expect(result.onward).toMatchObject({
      status: 'SENT',
      referringClinic: { name: 'Northside Orthopedic Bodywork & Acupuncture' },
      toProvider: { displayName: 'Sam Ortiz, PT' },
    });
  });

  it('prints each step, in order, with where the referral stands after it', () => {
    const steps = lines.map((line) => /^\s*\d+\. (\w+)/.exec(line)?.[1]).filter((step) => step !== undefined);
    expect(steps).toEqual(STEPS);
    expect(lines).toContainEqual(expect.stringMatching(/^ +1\. createReferral \(send: true\) +RF-\w{6} +SENT +v1 +by Priya Raman/));
    expect(lines).toContainEqual(expect.stringMatching(/acknowledgeReferralOutcome +RF-\w{6} +COMPLETED/));
    expect(lines).toContainEqual(expect.stringContaining('dropped and re-created for this run'));
    expect(lines).toContainEqual(expect.stringContaining('the API refuses visits dated in the future'));
    expect(lines.at(-1)).toMatch(/Done in .*gateway and worker stopped, queue keys removed/);
  });

  it('every email was delivered to the mailbox folder, to the right people, and printed', async () => {
    const { reference } = result.episode;
    const lee = 'lee@northside-bodywork.example';
    const priya = 'priya@highland-chiro.example';
    const maria = 'maria.gonzalez@mail.example';
    const received = result.emails.map((email) => [email.recipientKind, email.to, email.subject].join(' | ')).sort();
    expect(received).toEqual(
      [
        ['PROVIDER', lee, `New referral ${reference} for massage therapy`],
        ['PATIENT', maria, 'Your referral to Lee Morgan, LMT, LAc at Northside Orthopedic Bodywork & Acupuncture'],
        ['REFERRER', priya, `Referral ${reference} accepted`],
        ['PATIENT', maria, 'Lee Morgan, LMT, LAc has accepted your referral'],
        ['PATIENT', maria, 'Your massage therapy appointment is booked'],
        // One report made due by the fourth attended visit, one sent on demand.
        ['REFERRER', priya, `Progress report for referral ${reference}`],
        ['REFERRER', priya, `Progress report for referral ${reference}`],
        ['REFERRER', priya, `Outcome ready for referral ${reference}`],
        ['PATIENT', maria, 'Your massage therapy treatment is complete'],
        ['PROVIDER', 'sam@eastside-pt.example', `New referral ${result.onward.reference} for physical therapy`],
        ['PATIENT', maria, 'Your referral to Sam Ortiz, PT at Eastside Physical Therapy'],
      ]
        .map((email) => email.join(' | '))
        .sort(),
    );
    expect(result.notifications.map((row) => row.status)).toEqual(Array(11).fill('SENT'));
    expect((await readdir(result.mailDir)).filter((file) => file.endsWith('.eml')).sort()).toEqual(result.emails.map((email) => email.file).sort());
    for (const email of result.emails) {
      expect(email.preview.length).toBeGreaterThan(0);
      expect(lines).toContainEqual(`  Subject: ${email.subject}`);
    }
  });

  it('leaves no queue keys behind in Redis', async () => {
    expect(await queueKeys(DATABASE)).toEqual([]);
  });

  it('a second run starts again from an empty database', async () => {
    const again = await demo(() => undefined);
    expect(again.episode.status).toBe('COMPLETED');
    expect(again.episode.reference).not.toBe(result.episode.reference);
    expect(again.emails).toHaveLength(11);
  }, 120_000);

  it('refuses a database that is not a demo database, before touching anything', async () => {
    await expect(runDemo({ databaseUrl: databaseUrl('referloop'), print: () => undefined })).rejects.toThrow(/must contain "demo"/);
    const own = databaseUrl('referloop_demo_dev');
    await expect(runDemo({ databaseUrl: own, developmentDatabaseUrl: own, print: () => undefined })).rejects.toThrow(/DEMO_DATABASE_URL/);
  });
});
