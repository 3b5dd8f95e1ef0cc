import { randomUUID } from 'node:crypto';
import { GraphqlClient } from './support/graphql-client';
import { Referral, createPatient, createSignedInUser, readReferral, referralInput, runReferralMutation } from './support/fixtures';
import { sorted } from './support/expectations';
import { REFERRALS } from './support/operations';
import { useWorld } from './support/file-setup';
import { AuditEntry } from './support/audit-entry';

/**
 * Review regression: one audit entry can name the referrals and patients of several clinics
 * (a coordinator's list read). A clinic admin reading the trail must learn nothing about
 * another clinic's business from it: for an entry made by another clinic's actor, it sees only
 * the ids that concern its own clinic, and not the actor's address. Its own staff's entries it
 * sees in full; the platform admin sees everything.
 */
const AUDIT_PAGE = `query auditEntries($filter: AuditEntryFilter, $first: Int, $after: String) {
  auditEntries(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id operation at referralIds patientIds actorId actorRole ipAddress } }
  }
}`;

/** Every entry `client` may read that matches `filter`, across all pages. */
async function allAuditEntries(client: GraphqlClient, filter: Record<string, unknown> = {}): Promise<{ totalCount: number; entries: AuditEntry[] }> {
  const entries: AuditEntry[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (let guard = 0; guard < 100; guard += 1) {
    const data: { auditEntries: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: AuditEntry }> } } =
      await client.ok(AUDIT_PAGE, { filter, first: 100, after });
    totalCount = data.auditEntries.totalCount;
    entries.push(...data.auditEntries.edges.map((edge) => edge.node));
    if (!data.auditEntries.pageInfo.hasNextPage) return { totalCount, entries };
    after = data.auditEntries.pageInfo.endCursor;
  }
  throw new Error('audit trail did not end after 100 pages');
}

describe('review regressions: audit privacy across clinics', () => {
  const { world } = useWorld();
  // Clinic A's referrals: one to clinic B, one to clinic C, each for its own patient.
  let patientToB: { id: string };
  let patientToC: { id: string };
  let toB: Referral;
  let toC: Referral;
  /** The entry written when coordinator A listed both referrals, as the platform admin sees it. */
  let listEntry: AuditEntry;

  beforeAll(async () => {
    patientToB = await createPatient(world.coordinatorA.client, world.clinicA.id, { firstName: 'ToB' });
    patientToC = await createPatient(world.coordinatorA.client, world.clinicA.id, { firstName: 'ToC' });
    const send = (patientId: string, providerId: string) =>
      runReferralMutation(world.coordinatorA.client, 'createReferral', {
        ...referralInput(patientId, providerId, { send: true }),
        idempotencyKey: randomUUID(),
      });
    toB = await send(patientToB.id, world.targetProvider.providerId);
    toC = await send(patientToC.id, world.unrelatedProvider.providerId);

    const before = await allAuditEntries(world.platformAdmin, { actorId: world.coordinatorA.id });
    const listed = await world.coordinatorA.client.ok<{ referrals: { edges: Array<{ node: { id: string } }> } }>(REFERRALS, { first: 100 });
    expect(listed.referrals.edges.map((edge) => edge.node.id)).toEqual(expect.arrayContaining([toB.id, toC.id]));
    const after = await allAuditEntries(world.platformAdmin, { actorId: world.coordinatorA.id });
    const fresh = after.entries.filter((entry) => !before.entries.some((old) => old.id === entry.id));
    expect(fresh).toHaveLength(1);
    listEntry = fresh[0];
  });

  it('the platform admin sees the list entry in full: both referrals, both patients, the address', () => {
    expect(listEntry.referralIds).toEqual(expect.arrayContaining([toB.id, toC.id]));
    expect(listEntry.patientIds).toEqual(expect.arrayContaining([patientToB.id, patientToC.id]));
    expect(listEntry.actorId).toBe(world.coordinatorA.id);
    expect(listEntry.ipAddress).toBe('127.0.0.1');
  });

  it("clinic A's admin sees its own coordinator's entry in full", async () => {
    const { entries } = await allAuditEntries(world.adminA.client, { actorId: world.coordinatorA.id });
    const seen = entries.find((entry) => entry.id === listEntry.id);
    expect(seen).toBeDefined();
    expect({ ...seen!, referralIds: sorted(seen!.referralIds), patientIds: sorted(seen!.patientIds) }).toEqual({
      ...listEntry,
      referralIds: sorted(listEntry.referralIds),
      patientIds: sorted(listEntry.patientIds),
    });
  });

  it("clinic B's admin sees in that entry only the referral addressed to B and its patient, without the address", async () => {
    const { entries } = await allAuditEntries(world.adminB.client, { actorId: world.coordinatorA.id });
    const seen = entries.find((entry) => entry.id === listEntry.id);
    expect(seen).toBeDefined();
    expect(seen).toMatchObject({ referralIds: [toB.id], patientIds: [patientToB.id], ipAddress: null, actorId: world.coordinatorA.id });
  });

  it("clinic B's admin finds no trace of A's referral to C or of its patient, by any filter", async () => {
    const everything = await allAuditEntries(world.adminB.client);
    const leaked = everything.entries.filter(
      (entry) =>
        entry.referralIds.includes(toC.id) ||
        entry.patientIds.includes(patientToC.id) ||
        entry.patientIds.includes(world.patient.id),
    );
    expect(leaked).toEqual([]);
    expect(await allAuditEntries(world.adminB.client, { referralId: toC.id })).toEqual({ totalCount: 0, entries: [] });
    expect(await allAuditEntries(world.adminB.client, { patientId: patientToC.id })).toEqual({ totalCount: 0, entries: [] });
  });

  it("clinic B's admin never sees another clinic's actor's address", async () => {
    const everything = await allAuditEntries(world.adminB.client);
    const foreign = everything.entries.filter((entry) => entry.actorId === world.coordinatorA.id || entry.actorId === world.adminA.id);
    expect(foreign.length).toBeGreaterThan(0);
    expect(foreign.filter((entry) => entry.ipAddress !== null)).toEqual([]);
  });

  it("clinic B's admin sees its own staff's read of the referral in full", async () => {
    await readReferral(world.coordinatorB.client, toB.id);
    const { entries } = await allAuditEntries(world.adminB.client, { actorId: world.coordinatorB.id, referralId: toB.id });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]).toMatchObject({ referralIds: [toB.id], patientIds: [patientToB.id], ipAddress: '127.0.0.1' });
  });

  it("the same rule holds the other way: clinic A's admin sees B's coordinator's read without B's address", async () => {
    await readReferral(world.coordinatorB.client, toB.id);
    const { entries } = await allAuditEntries(world.adminA.client, { actorId: world.coordinatorB.id, referralId: toB.id });
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry).toMatchObject({ referralIds: [toB.id], patientIds: [patientToB.id], ipAddress: null });
    }
  });

  it("clinic C's admin sees only the referral to C from the list entry", async () => {
    const adminC = await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', world.clinicC.id);
    const { entries } = await allAuditEntries(adminC.client, { actorId: world.coordinatorA.id });
    const seen = entries.find((entry) => entry.id === listEntry.id);
    expect(seen).toMatchObject({ referralIds: [toC.id], patientIds: [patientToC.id], ipAddress: null });
    expect(entries.filter((entry) => entry.referralIds.includes(toB.id) || entry.patientIds.includes(patientToB.id))).toEqual([]);
  });

  it('the platform admin still sees every entry in full (the redaction is per reader, not stored)', async () => {
    const { entries } = await allAuditEntries(world.platformAdmin, { actorId: world.coordinatorA.id });
    const seen = entries.find((entry) => entry.id === listEntry.id);
    expect(seen).toEqual(listEntry);
  });
});
