import { GraphqlClient } from './support/graphql-client';
import { Referral, createPatient, runReferralMutation } from './support/fixtures';
import { PATIENTS, REFERRALS } from './support/operations';
import { createDraft } from './support/world';
import { useWorld } from './support/file-setup';

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: string; status: string; createdAt: string } }>;
}

async function walkReferrals(client: GraphqlClient, filter: Record<string, unknown>, first: number): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard += 1) {
    const data: { referrals: Page } = await client.ok<{ referrals: Page }>(REFERRALS, { filter, first, after });
    pages.push(data.referrals);
    if (!data.referrals.pageInfo.hasNextPage) return pages;
    after = data.referrals.pageInfo.endCursor;
    expect(after).toEqual(expect.any(String));
  }
  throw new Error('pagination did not end after 50 pages');
}

describe('pagination and search', () => {
  const { world } = useWorld();
  let patient: { id: string };
  const created: Referral[] = [];

  beforeAll(async () => {
    patient = await createPatient(world.coordinatorA.client, world.clinicA.id, { firstName: 'Paginated' });
    for (let index = 0; index < 5; index += 1) {
      created.push(await createDraft(world, { patientId: patient.id, reason: `Referral number ${index}` }));
    }
    // Send two of them so a status filter has something to tell apart.
    await runReferralMutation(world.coordinatorA.client, 'sendReferral', { id: created[1].id });
    await runReferralMutation(world.coordinatorA.client, 'sendReferral', { id: created[3].id });
  });

  it('walks referrals two at a time, newest first, with a constant totalCount and no duplicates', async () => {
    const pages = await walkReferrals(world.coordinatorA.client, { patientId: patient.id }, 2);
    expect(pages.map((page) => page.edges.length)).toEqual([2, 2, 1]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
    for (const page of pages) expect(page.totalCount).toBe(5);
    const ids = pages.flatMap((page) => page.edges.map((edge) => edge.node.id));
    expect(new Set(ids).size).toBe(5);
    expect(ids).toEqual([...created].reverse().map((referral) => referral.id));
    const times = pages.flatMap((page) => page.edges.map((edge) => Date.parse(edge.node.createdAt)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(pages.at(-1)!.pageInfo.endCursor).toBe(pages.at(-1)!.edges.at(-1)!.cursor);
  });

  it('pages the same way with first: 1 and first: 100', async () => {
    const single = await walkReferrals(world.coordinatorA.client, { patientId: patient.id }, 1);
    const all = await walkReferrals(world.coordinatorA.client, { patientId: patient.id }, 100);
    expect(single).toHaveLength(5);
    expect(all).toHaveLength(1);
    expect(single.flatMap((page) => page.edges.map((edge) => edge.node.id))).toEqual(all[0].edges.map((edge) => edge.node.id));
  });

  it('filters by a list of statuses, and by direction, with matching totalCount', async () => {
    const [sentOnly] = await walkReferrals(world.coordinatorA.client, { patientId: patient.id, status: ['SENT'] }, 100);
    expect(sentOnly.totalCount).toBe(2);
    expect(sentOnly.edges.map((edge) => edge.node.id)).toEqual([created[3].id, created[1].id]);

    const [both] = await walkReferrals(world.coordinatorA.client, { patientId: patient.id, status: ['SENT', 'DRAFT'] }, 100);
    expect(both.totalCount).toBe(5);

    const [inbound] = await walkReferrals(world.coordinatorB.client, { patientId: patient.id, direction: 'INBOUND' }, 100);
    expect(inbound.totalCount).toBe(2);
    const [outbound] = await walkReferrals(world.coordinatorA.client, { patientId: patient.id, direction: 'OUTBOUND' }, 100);
    expect(outbound.totalCount).toBe(5);
  });

  it('returns an empty page, not an error, past the end', async () => {
    const [last] = (await walkReferrals(world.coordinatorA.client, { patientId: patient.id }, 5)).slice(-1);
    const data = await world.coordinatorA.client.ok<{ referrals: Page }>(REFERRALS, {
      filter: { patientId: patient.id },
      first: 5,
      after: last.pageInfo.endCursor,
    });
    expect(data.referrals.edges).toEqual([]);
    expect(data.referrals.pageInfo.hasNextPage).toBe(false);
  });

  it('filters referrals by modality', async () => {
    const [physio] = await walkReferrals(world.coordinatorA.client, { patientId: patient.id, modality: 'PHYSICAL_THERAPY' }, 100);
    expect(physio.totalCount).toBe(5);
    const [massage] = await walkReferrals(world.coordinatorA.client, { patientId: patient.id, modality: 'MASSAGE' }, 100);
    expect(massage.totalCount).toBe(0);
  });

  it('lists providers by modality and technique', async () => {
    const query = `query providers($filter: ProviderFilter, $first: Int) {
      providers(filter: $filter, first: $first) { totalCount edges { node { id modalities } } }
    }`;
    const ids = async (filter: Record<string, unknown>) => {
      const data = await world.coordinatorA.client.ok<{ providers: { edges: Array<{ node: { id: string } }> } }>(query, { filter, first: 100 });
      return data.providers.edges.map((edge) => edge.node.id);
    };
    const physio = await ids({ modality: 'PHYSICAL_THERAPY' });
    expect(physio).toEqual(expect.arrayContaining([world.targetProvider.providerId, world.alternateProvider.providerId]));
    expect(physio).not.toContain(world.referringProvider.providerId);
    const massage = await ids({ technique: 'ORTHOPEDIC_MASSAGE' });
    expect(massage).toContain(world.referringProvider.providerId);
    expect(massage).not.toContain(world.targetProvider.providerId);
  });

  describe('patients(filter: { search })', () => {
    it('finds a patient by first name, last name or email, within the clinic only', async () => {
      const needle = await createPatient(world.coordinatorA.client, world.clinicA.id, {
        firstName: 'Zebulon',
        lastName: 'Quixotic',
        email: 'zebulon.quixotic@example.org',
      });
      await createPatient(world.coordinatorC.client, world.clinicC.id, { firstName: 'Zebulon', lastName: 'Elsewhere' });

      const search = async (client: GraphqlClient, text: string) => {
        const data = await client.ok<{ patients: Page & { edges: Array<{ node: { id: string } }> } }>(PATIENTS, { filter: { search: text }, first: 100 });
        return { ids: data.patients.edges.map((edge) => edge.node.id), totalCount: data.patients.totalCount };
      };
      for (const text of ['Zebulon', 'Quixotic', 'zebulon.quixotic@example.org', 'quixotic']) {
        expect({ text, ...(await search(world.coordinatorA.client, text)) }).toEqual({ text, ids: [needle.id], totalCount: 1 });
      }
      expect((await search(world.coordinatorA.client, 'NoSuchPatientName')).ids).toEqual([]);
    });

    it('pages patients with a constant totalCount', async () => {
      const first = await world.coordinatorA.client.ok<{ patients: Page }>(PATIENTS, { first: 1 });
      expect(first.patients.totalCount).toBeGreaterThanOrEqual(3);
      const second = await world.coordinatorA.client.ok<{ patients: Page }>(PATIENTS, { first: 1, after: first.patients.pageInfo.endCursor });
      expect(second.patients.totalCount).toBe(first.patients.totalCount);
      expect(second.patients.edges[0].node.id).not.toBe(first.patients.edges[0].node.id);
    });
  });
});
