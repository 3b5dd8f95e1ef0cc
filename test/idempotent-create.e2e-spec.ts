import { randomUUID } from 'node:crypto';
import { Referral, countReferrals, readReferral, referralInput, runReferralMutation } from './support/fixtures';
import { referralMutation } from './support/operations';
import { useWorld } from './support/file-setup';

describe('createReferral: idempotencyKey', () => {
  const { world } = useWorld();

  const input = (idempotencyKey: string, overrides: Record<string, unknown> = {}) => ({
    ...referralInput(world.patient.id, world.targetProvider.providerId, overrides),
    idempotencyKey,
  });

  it('returns the original referral, unchanged, when the same user repeats a key', async () => {
    const key = randomUUID();
    const before = await countReferrals(world.coordinatorA.client);
    const first = await runReferralMutation(world.coordinatorA.client, 'createReferral', input(key));
    const again = await runReferralMutation(world.coordinatorA.client, 'createReferral', input(key));
    expect(again.id).toBe(first.id);
    expect(again.reference).toBe(first.reference);
    expect(again.version).toBe(first.version);

    // Even a retry carrying different content does not create or change anything.
    const altered = await runReferralMutation(world.coordinatorA.client, 'createReferral', input(key, { reason: 'A different reason', send: true }));
    expect(altered).toMatchObject({ id: first.id, reason: first.reason, status: 'DRAFT', version: first.version });
    expect(await readReferral(world.coordinatorA.client, first.id)).toMatchObject({ reason: first.reason, status: 'DRAFT' });
    expect(await countReferrals(world.coordinatorA.client)).toBe(before + 1);
  });

  it('creates exactly one referral when five requests with one key arrive at once', async () => {
    for (let round = 0; round < 3; round += 1) {
      const key = randomUUID();
      const before = await countReferrals(world.coordinatorA.client);
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => world.coordinatorA.client.request<Record<string, Referral>>(referralMutation('createReferral'), { input: input(key) })),
      );
      for (const response of responses) expect(response.errors).toBeUndefined();
      const ids = new Set(responses.map((response) => response.data!.createReferral.id));
      expect({ round, distinctIds: ids.size }).toEqual({ round, distinctIds: 1 });
      expect(await countReferrals(world.coordinatorA.client)).toBe(before + 1);
    }
  });

  it('treats the same key from a different user as a different request', async () => {
    const key = randomUUID();
    const before = await countReferrals(world.adminA.client);
    const byCoordinator = await runReferralMutation(world.coordinatorA.client, 'createReferral', input(key));
    const byAdmin = await runReferralMutation(world.adminA.client, 'createReferral', input(key));
    expect(byAdmin.id).not.toBe(byCoordinator.id);
    expect(byAdmin.referringUser?.id).toBe(world.adminA.id);
    expect(byCoordinator.referringUser?.id).toBe(world.coordinatorA.id);
    expect(await countReferrals(world.adminA.client)).toBe(before + 2);
  });

  it('creates a new referral each time when no key is given', async () => {
    const before = await countReferrals(world.coordinatorA.client);
    const body = referralInput(world.patient.id, world.targetProvider.providerId);
    const first = await runReferralMutation(world.coordinatorA.client, 'createReferral', body);
    const second = await runReferralMutation(world.coordinatorA.client, 'createReferral', body);
    expect(second.id).not.toBe(first.id);
    expect(await countReferrals(world.coordinatorA.client)).toBe(before + 2);
  });
});
