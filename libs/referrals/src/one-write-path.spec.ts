import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every write to a referral is a move of the lifecycle table, run by ReferralLifecycle: the rules
 * (who, from which status, lock, version, history, emails) are then checked in one place. This
 * reads the source so that a service writing a referral on its own, as the treatment plan and the
 * reminders once did, fails here rather than in review.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The only files allowed to hold the SQL or call the repository methods that write a referral. */
const WRITERS: Record<string, RegExp> = {
  'libs/referrals/src/referral.repository.ts': /UPDATE referrals\b|INSERT INTO referral_events\b/,
  'libs/referrals/src/referral-lifecycle.service.ts': /\breferrals\.(update|stamp|appendEvents)\(/,
};
const WRITES = /UPDATE referrals\b|INSERT INTO referral_events\b|\breferrals\.(update|stamp|appendEvents)\(/;
/**
 * Development data that must look older than it is: the seeder writes a year of history in SQL,
 * and the demo data brings one referral's answer deadline to now for the clock to expire it.
 */
const BACKDATING = ['apps/demo/src/seeding/', 'apps/demo/src/demo-data/wind-clock.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('one write path for referrals', () => {
  it('writes referrals and their history only through the lifecycle (the development data that backdates, aside)', () => {
    const offenders = [...sourceFiles(path.join(ROOT, 'libs')), ...sourceFiles(path.join(ROOT, 'apps'))]
      .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
      .filter((file) => !BACKDATING.some((allowed) => file.startsWith(allowed)) && !Object.hasOwn(WRITERS, file))
      .filter((file) => WRITES.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('finds the writers where it expects them (the check above is not looking in the wrong place)', () => {
    for (const [file, pattern] of Object.entries(WRITERS)) expect({ file, writes: pattern.test(readFileSync(path.join(ROOT, file), 'utf8')) }).toEqual({ file, writes: true });
  });
});
