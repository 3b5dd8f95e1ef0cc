import { DataSource } from 'typeorm';
import { readReferral } from './support/fixtures';
import { expectOneChain } from './support/history';
import { ReachableState, referralIn } from './support/world';
import { useWorld } from './support/file-setup';

/**
 * The database itself guards the history: events and audit entries cannot be edited or
 * deleted, and every referral's events form an unbroken chain from DRAFT to its status.
 */
describe('history integrity', () => {
  const { app: testApp, world } = useWorld();
  let db: DataSource;

  beforeAll(async () => {
    db = testApp.app.get(DataSource);
  });

  it('refuses to change or delete referral events and audit entries', async () => {
    const referral = await referralIn(world, 'ACCEPTED');
    await readReferral(world.coordinatorA.client, referral.id);
    await expect(db.query(`UPDATE referral_events SET reason = 'edited' WHERE referral_id = $1`, [referral.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('DELETE FROM referral_events WHERE referral_id = $1', [referral.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE audit_entries SET operation = 'edited'`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_entries')).rejects.toThrow(/append-only/);
    const [{ count }] = await db.query<{ count: number }[]>('SELECT count(*) AS count FROM referral_events WHERE referral_id = $1', [
      referral.id,
    ]);
    expect(count).toBe(3);
  });

  // Through the API, the longest chain; every reachable status on the services (service/lifecycle-effects.service-spec.ts).
  it.each<ReachableState>(['COMPLETED'])(
    'chains the events of a %s referral from creation to its current status',
    async (state) => {
      const referral = await readReferral(world.coordinatorA.client, (await referralIn(world, state)).id);
      const [first, ...rest] = referral.events;
      expectOneChain(referral.events, referral.status);
      // Every change after creation bumped the version once; a SENT written with the creation did not.
      const sentAtCreation = rest[0]?.type === 'SENT' && rest[0].at === first.at;
      expect(referral.version).toBe(1 + rest.length - (sentAtCreation ? 1 : 0));
    },
  );

  it('refuses a platform admin that belongs to a clinic, and a clinic user that belongs to none', async () => {
    const insert = (role: string, clinicId: string | null) =>
      db.query(
        `INSERT INTO users (id, email, password_hash, display_name, role, clinic_id)
         VALUES (gen_random_uuid(), gen_random_uuid() || '@x.test', 'x', 'X', $1, $2)`,
        [role, clinicId],
      );
    await expect(insert('PLATFORM_ADMIN', world.clinicA.id)).rejects.toThrow(/users_role_clinic_check/);
    await expect(insert('COORDINATOR', null)).rejects.toThrow(/users_role_clinic_check/);
  });
});
