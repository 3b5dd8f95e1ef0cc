import { GraphqlClient } from './support/graphql-client';
import { createPatient, readReferral } from './support/fixtures';
import { expectGraphqlError } from './support/expectations';
import { AUDIT_ENTRIES, PATIENT, REFERRALS } from './support/operations';
import { referralIn } from './support/world';
import { AuditEntry } from './support/audit-entry';
import { useWorld } from './support/file-setup';

async function auditEntries(client: GraphqlClient, filter: Record<string, unknown>): Promise<{ totalCount: number; entries: AuditEntry[] }> {
  const data = await client.ok<{ auditEntries: { totalCount: number; edges: Array<{ node: AuditEntry }> } }>(AUDIT_ENTRIES, { filter, first: 100 });
  return { totalCount: data.auditEntries.totalCount, entries: data.auditEntries.edges.map((edge) => edge.node) };
}

describe('audit trail', () => {
  const { app: testApp, world, db } = useWorld();

  /** A referral declined by its provider, and the new one its referrer redirected it as, to the alternate provider. */
  const declinedAndRedirected = async () => {
    const declined = await referralIn(world, 'DECLINED');
    const redirected = await world.coordinatorA.client.ok<{ redirectReferral: { id: string } }>(
      'mutation($input: RedirectReferralInput!) { redirectReferral(input: $input) { id } }',
      { input: { id: declined.id, toProviderId: world.alternateProvider.providerId } },
    );
    return { declined, newId: redirected.redirectReferral.id };
  };

  /** The transaction that last wrote the referral's row, and those that wrote the actor's entries naming it. */
  const writers = async (referralId: string, actorId: string) => {
    const referral = await db.query<{ xmin: string }>('SELECT xmin::text FROM referrals WHERE id = $1', [referralId]);
    const entries = await db.query<{ xmin: string; referral_ids: string[] }>(
      'SELECT xmin::text, referral_ids FROM audit_entries WHERE referral_ids @> ARRAY[$1]::uuid[] AND actor_id = $2 ORDER BY at, id',
      [referralId, actorId],
    );
    return { referral: referral.rows[0].xmin, entries: entries.rows };
  };

  it('records a referral read with the referral id, the reader and a UTC time', async () => {
    const referral = await referralIn(world, 'SENT');
    const before = await auditEntries(world.platformAdmin, { referralId: referral.id, actorId: world.coordinatorB.id });

    await readReferral(world.coordinatorB.client, referral.id);

    const after = await auditEntries(world.platformAdmin, { referralId: referral.id, actorId: world.coordinatorB.id });
    expect(after.totalCount).toBe(before.totalCount + 1);
    const entry = after.entries.find((candidate) => !before.entries.some((old) => old.id === candidate.id));
    expect(entry).toBeDefined();
    expect(entry!.referralIds).toContain(referral.id);
    expect(entry!.actorId).toBe(world.coordinatorB.id);
    expect(entry!.at).toMatch(/Z$/);
    expect(entry!.actorRole).toBe('COORDINATOR');
    expect(entry!.ipAddress).toBe('127.0.0.1');
  });

  it('names a linked referral read through redirectedFrom in the same entry', async () => {
    const { declined, newId } = await declinedAndRedirected();
    const before = await auditEntries(world.platformAdmin, { referralId: declined.id, actorId: world.coordinatorA.id });
    await world.coordinatorA.client.ok('query($id: ID!) { referral(id: $id) { id redirectedFrom { id reason } } }', { id: newId });
    const after = await auditEntries(world.platformAdmin, { referralId: declined.id, actorId: world.coordinatorA.id });
    expect(after.totalCount).toBe(before.totalCount + 1);
    const entry = after.entries.find((candidate) => !before.entries.some((old) => old.id === candidate.id));
    expect(entry?.referralIds).toEqual(expect.arrayContaining([newId, declined.id]));
    expect(entry?.operation).toContain('referral');
  });

  it('records lifecycle changes and patient reads too', async () => {
    const referral = await referralIn(world, 'ACCEPTED');
    const changes = await auditEntries(world.platformAdmin, { referralId: referral.id, actorId: world.targetProvider.id });
    expect(changes.totalCount).toBeGreaterThanOrEqual(1);

    const before = await auditEntries(world.platformAdmin, { patientId: world.patient.id, actorId: world.coordinatorA.id });
    await world.coordinatorA.client.ok(PATIENT, { id: world.patient.id });
    const after = await auditEntries(world.platformAdmin, { patientId: world.patient.id, actorId: world.coordinatorA.id });
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.entries.every((entry) => entry.patientIds.includes(world.patient.id))).toBe(true);
  });

  describe("a change's own entry", () => {
    it('createReferral writes its one entry in the transaction that writes the referral', async () => {
      const referral = await referralIn(world, 'DRAFT');
      const { referral: writer, entries } = await writers(referral.id, world.coordinatorA.id);
      expect(entries.map((entry) => entry.xmin)).toEqual([writer]);
    });

    it('a move writes its one entry in its own transaction, naming the referral and its patient', async () => {
      const referral = await referralIn(world, 'SENT');
      const before = await auditEntries(world.platformAdmin, { referralId: referral.id, actorId: world.targetProvider.id });
      await world.targetProvider.client.ok('mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { id status patient { id } } }', {
        input: { id: referral.id },
      });
      const after = await auditEntries(world.platformAdmin, { referralId: referral.id, actorId: world.targetProvider.id });
      expect(after.totalCount).toBe(before.totalCount + 1);
      expect(after.entries[0]).toMatchObject({ referralIds: [referral.id], patientIds: [world.patient.id], operation: expect.stringContaining('acceptReferral') });
      const { referral: writer, entries } = await writers(referral.id, world.targetProvider.id);
      expect(entries.at(-1)?.xmin).toBe(writer);
    });

    it("a redirect's one entry names the new referral too, written by the transaction that wrote both", async () => {
      const { declined, newId } = await declinedAndRedirected();
      const previous = await writers(declined.id, world.coordinatorA.id);
      const created = await writers(newId, world.coordinatorA.id);
      expect(created.referral).toBe(previous.referral);
      expect(created.entries).toEqual([{ xmin: previous.referral, referral_ids: expect.arrayContaining([declined.id, newId]) }]);
      expect(previous.entries.at(-1)).toEqual(created.entries[0]);
    });

    it("a draft given another patient names both patients in its entry, the one taken off too", async () => {
      const draft = await referralIn(world, 'DRAFT');
      const other = await createPatient(world.coordinatorA.client, world.clinicA.id);
      await world.coordinatorA.client.ok('mutation($input: UpdateReferralInput!) { updateReferral(input: $input) { id } }', {
        input: { id: draft.id, patientId: other.id },
      });
      const { referral: writer, entries } = await writers(draft.id, world.coordinatorA.id);
      expect(entries.at(-1)?.xmin).toBe(writer);
      const [entry] = (
        await db.query<{ patient_ids: string[] }>('SELECT patient_ids FROM audit_entries WHERE xmin::text = $1 AND actor_id = $2', [writer, world.coordinatorA.id])
      ).rows;
      expect([...entry.patient_ids].sort()).toEqual([world.patient.id, other.id].sort());
    });

    it('a change whose answer names more than the change gets a second entry with the rest', async () => {
      const { declined, newId } = await declinedAndRedirected();
      // Accepting the new referral, the receiving clinic's coordinator reads the declined one it came from.
      await world.coordinatorB.client.ok('mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { id redirectedFrom { id } } }', {
        input: { id: newId },
      });
      const { referral: writer, entries } = await writers(newId, world.coordinatorB.id);
      const [ownEntry, rest] = entries;
      expect(entries).toHaveLength(2);
      expect(ownEntry).toEqual({ xmin: writer, referral_ids: [newId] });
      expect(rest.xmin).not.toBe(writer);
      expect(rest.referral_ids).toEqual(expect.arrayContaining([newId, declined.id]));
    });
  });

  it('does not record a read that was refused (the outsider learns nothing and touched nothing)', async () => {
    const referral = await referralIn(world, 'SENT');
    const before = await auditEntries(world.platformAdmin, { referralId: referral.id });
    expectGraphqlError(await world.coordinatorC.client.request('query($id: ID!) { referral(id: $id) { id } }', { id: referral.id }), 'NOT_FOUND');
    const after = await auditEntries(world.platformAdmin, { referralId: referral.id });
    expect(after.entries.filter((entry) => entry.actorId === world.coordinatorC.id && entry.referralIds.includes(referral.id))).toEqual([]);
    expect(after.totalCount).toBe(before.totalCount);
  });

  it('records a list read with the ids it returned, as one entry per request', async () => {
    const first = await referralIn(world, 'SENT');
    const second = await referralIn(world, 'DRAFT');
    const before = await auditEntries(world.platformAdmin, { actorId: world.coordinatorA.id });
    await world.coordinatorA.client.ok(REFERRALS, { filter: { patientId: world.patient.id }, first: 100 });
    const after = await auditEntries(world.platformAdmin, { actorId: world.coordinatorA.id });
    expect(after.totalCount).toBe(before.totalCount + 1);
    const entry = after.entries.find((candidate) => !before.entries.some((old) => old.id === candidate.id));
    expect(entry?.referralIds).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  it("shows a clinic admin its clinic's entries", async () => {
    const referral = await referralIn(world, 'SENT');
    await readReferral(world.coordinatorA.client, referral.id);
    const asClinicAdmin = await auditEntries(world.adminA.client, { referralId: referral.id });
    expect(asClinicAdmin.entries.some((entry) => entry.actorId === world.coordinatorA.id)).toBe(true);
  });

  it("does not show a clinic admin reads that touched none of its clinic's data", async () => {
    const patientC = await createPatient(world.coordinatorC.client, world.clinicC.id);
    await world.coordinatorC.client.ok(PATIENT, { id: patientC.id });
    const asAdminA = await auditEntries(world.adminA.client, { patientId: patientC.id });
    expect(asAdminA).toEqual({ totalCount: 0, entries: [] });
    const asPlatformAdmin = await auditEntries(world.platformAdmin, { patientId: patientC.id, actorId: world.coordinatorC.id });
    expect(asPlatformAdmin.totalCount).toBeGreaterThan(0);
  });

  it('is refused to coordinators and providers (FORBIDDEN)', async () => {
    for (const client of [world.coordinatorA.client, world.coordinatorB.client, world.targetProvider.client]) {
      expectGraphqlError(await client.request(AUDIT_ENTRIES, { filter: {}, first: 10 }), 'FORBIDDEN');
    }
  });

  it('is refused without a token (UNAUTHENTICATED)', async () => {
    expectGraphqlError(await testApp.anonymous.request(AUDIT_ENTRIES, { filter: {}, first: 10 }), 'UNAUTHENTICATED');
  });
});
