import { randomUUID } from 'node:crypto';
import { GraphqlClient } from './support/graphql-client';
import {
  Actor,
  createClinic,
  createPatient,
  createSignedInUser,
  patientInput,
  referralInput,
  signInAsPlatformAdmin,
  uniqueEmail,
  USER_PASSWORD,
} from './support/fixtures';
import { CREATE_USER, PATIENT, referralMutation } from './support/operations';
import { useTestApp } from './support/file-setup';

/**
 * Review regression: keyset pagination must never skip (or repeat) a row, even when several
 * rows were created within the same millisecond. PostgreSQL keeps microseconds; a cursor that
 * keeps only milliseconds puts the rest of a same-millisecond group behind the cursor.
 *
 * Rows are created concurrently (Promise.all) until at least two of them share a millisecond,
 * so each walk below really crosses a tie; then the list is walked one row per page.
 */
const MIN_ROWS = 6;
const BURST = 12;
// Generous: a loaded machine spreads a burst over more milliseconds, and a run without a tie proves nothing.
const MAX_BURSTS = 40;

interface Row {
  id: string;
  /** createdAt, or `at` for audit entries: ISO-8601 with milliseconds. */
  time: string;
}

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: Row }>;
}

function hasTie(rows: Row[]): boolean {
  return new Set(rows.map((row) => row.time)).size < rows.length;
}

/** Creates rows in concurrent bursts until at least MIN_ROWS exist and two share a millisecond. */
async function createWithTies(create: (index: number) => Promise<Row>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let burst = 0; burst < MAX_BURSTS; burst += 1) {
    const offset = rows.length;
    rows.push(...(await Promise.all(Array.from({ length: BURST }, (_unused, index) => create(offset + index)))));
    if (rows.length >= MIN_ROWS && hasTie(rows)) return rows;
  }
  throw new Error(
    `precondition not met: ${rows.length} rows created in concurrent bursts, none sharing a millisecond (${rows.map((row) => row.time).join(', ')})`,
  );
}

/** Walks a connection one row per page, newest first; returns the ids in the order served. */
async function walkOneByOne(fetchPage: (after: string | null) => Promise<Page>, limit: number): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (let guard = 0; guard <= limit + 1; guard += 1) {
    const page = await fetchPage(after);
    expect(page.edges.length).toBeLessThanOrEqual(1);
    rows.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
    expect(after).toEqual(expect.any(String));
  }
  throw new Error(`pagination did not end after ${limit + 1} pages (served: ${rows.map((row) => row.id).join(', ')})`);
}

/** Every created row is served exactly once, and the order is newest first. */
function expectEachExactlyOnce(served: Row[], created: Row[]): void {
  const servedIds = served.map((row) => row.id);
  const duplicates = servedIds.filter((id, index) => servedIds.indexOf(id) !== index);
  const missing = created.filter((row) => !servedIds.includes(row.id));
  expect({ duplicates, missing, servedCount: served.length }).toEqual({ duplicates: [], missing: [], servedCount: created.length });
  const times = served.map((row) => Date.parse(row.time));
  expect(times).toEqual([...times].sort((a, b) => b - a));
}

describe('review regressions: keyset pagination across same-millisecond rows', () => {
  const { app: testApp } = useTestApp();
  let platformAdmin: GraphqlClient;
  let clinic: { id: string };
  let coordinator: Actor;

  beforeAll(async () => {
    platformAdmin = await signInAsPlatformAdmin(testApp.anonymous);
    // A clinic of its own, so the lists hold exactly the rows these tests create.
    clinic = await createClinic(platformAdmin, { name: 'Keyset clinic' });
    coordinator = await createSignedInUser(platformAdmin, 'COORDINATOR', clinic.id);
  });

  it('patients(first: 1) serves every concurrently created patient exactly once', async () => {
    const created = await createWithTies(async (index) => {
      const data = await coordinator.client.ok<{ createPatient: { id: string; createdAt: string } }>(
        `mutation createPatient($input: CreatePatientInput!) { createPatient(input: $input) { id createdAt } }`,
        { input: patientInput(clinic.id, { firstName: `Tie${index}` }) },
      );
      return { id: data.createPatient.id, time: data.createPatient.createdAt };
    });

    const served = await walkOneByOne(async (after) => {
      const data = await coordinator.client.ok<{ patients: { pageInfo: Page['pageInfo']; edges: Array<{ cursor: string; node: { id: string; createdAt: string } }> } }>(
        `query patients($filter: PatientFilter, $first: Int, $after: String) {
          patients(filter: $filter, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id createdAt } } }
        }`,
        { filter: { search: 'Tie' }, first: 1, after },
      );
      return { pageInfo: data.patients.pageInfo, edges: data.patients.edges.map((edge) => ({ cursor: edge.cursor, node: { id: edge.node.id, time: edge.node.createdAt } })) };
    }, created.length);

    expectEachExactlyOnce(served, created);
  });

  it('providers(first: 1) serves every concurrently created provider exactly once', async () => {
    const admin = platformAdmin;
    const created = await createWithTies(async (index) => {
      const email = uniqueEmail('tie.provider');
      const user = await admin.ok<{ createUser: { id: string } }>(CREATE_USER, {
        input: { email, password: USER_PASSWORD, displayName: `Tie provider ${index}`, role: 'PROVIDER', clinicId: clinic.id },
      });
      const data = await admin.ok<{ createProvider: { id: string; createdAt: string } }>(
        `mutation createProvider($input: CreateProviderInput!) { createProvider(input: $input) { id createdAt } }`,
        {
          input: {
            clinicId: clinic.id,
            userId: user.createUser.id,
            displayName: `Tie provider ${index}`,
            email,
            modalities: ['CHIROPRACTIC'],
            techniques: ['SPINAL_MANIPULATION'],
            conditions: ['BACK_PAIN'],
            acceptingNewPatients: true,
            weeklyCapacity: 10,
            location: { latitude: 41.9, longitude: -87.65 },
          },
        },
      );
      return { id: data.createProvider.id, time: data.createProvider.createdAt };
    });

    const served = await walkOneByOne(async (after) => {
      const data = await coordinator.client.ok<{ providers: { pageInfo: Page['pageInfo']; edges: Array<{ cursor: string; node: { id: string; createdAt: string } }> } }>(
        `query providers($filter: ProviderFilter, $first: Int, $after: String) {
          providers(filter: $filter, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id createdAt } } }
        }`,
        { filter: { modality: 'CHIROPRACTIC' }, first: 1, after },
      );
      return { pageInfo: data.providers.pageInfo, edges: data.providers.edges.map((edge) => ({ cursor: edge.cursor, node: { id: edge.node.id, time: edge.node.createdAt } })) };
    }, created.length);

    expectEachExactlyOnce(served, created);
  });

  it('auditEntries(first: 1) serves every concurrently written entry exactly once', async () => {
    // A reader of its own, so filtering on the actor isolates exactly the entries created here.
    const reader = await createSignedInUser(platformAdmin, 'COORDINATOR', clinic.id);
    const patient = await createPatient(coordinator.client, clinic.id, { firstName: 'Audited' });
    const entriesSoFar = async () => {
      const data = await platformAdmin.ok<{ auditEntries: { edges: Array<{ node: { id: string; at: string } }> } }>(
        `query auditEntries($filter: AuditEntryFilter) { auditEntries(filter: $filter, first: 100) { edges { node { id at } } } }`,
        { filter: { actorId: reader.id } },
      );
      return data.auditEntries.edges.map((edge) => ({ id: edge.node.id, time: edge.node.at }));
    };

    // Each read writes one entry; the entries themselves are listed after each burst.
    let created: Row[] = [];
    for (let burst = 0; burst < MAX_BURSTS && !(created.length >= MIN_ROWS && hasTie(created)); burst += 1) {
      await Promise.all(Array.from({ length: BURST }, () => reader.client.ok(PATIENT, { id: patient.id })));
      created = await entriesSoFar();
    }
    expect(created.length).toBeLessThan(100);
    if (!hasTie(created)) throw new Error(`precondition not met: no two audit entries shared a millisecond (${created.map((row) => row.time).join(', ')})`);

    const served = await walkOneByOne(async (after) => {
      const data = await platformAdmin.ok<{ auditEntries: { pageInfo: Page['pageInfo']; edges: Array<{ cursor: string; node: { id: string; at: string } }> } }>(
        `query auditEntries($filter: AuditEntryFilter, $first: Int, $after: String) {
          auditEntries(filter: $filter, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id at } } }
        }`,
        { filter: { actorId: reader.id }, first: 1, after },
      );
      return { pageInfo: data.auditEntries.pageInfo, edges: data.auditEntries.edges.map((edge) => ({ cursor: edge.cursor, node: { id: edge.node.id, time: edge.node.at } })) };
    }, created.length);

    expectEachExactlyOnce(served, created);
  });

  it('referrals(first: 1) serves every concurrently created referral exactly once', async () => {
    const patient = await createPatient(coordinator.client, clinic.id, { firstName: 'Referred' });
    const target = await createSignedInUser(platformAdmin, 'PROVIDER', clinic.id);
    const provider = await platformAdmin.ok<{ createProvider: { id: string } }>(
      `mutation createProvider($input: CreateProviderInput!) { createProvider(input: $input) { id } }`,
      {
        input: {
          clinicId: clinic.id,
          userId: target.id,
          displayName: 'Tie target',
          email: target.email,
          modalities: ['PHYSICAL_THERAPY'],
          techniques: ['STRENGTHENING_EXERCISE'],
          conditions: ['SHOULDER_PAIN'],
          acceptingNewPatients: true,
          weeklyCapacity: 10,
          location: { latitude: 41.9, longitude: -87.65 },
        },
      },
    );

    const created = await createWithTies(async (index) => {
      const data = await coordinator.client.ok<{ createReferral: { id: string; createdAt: string } }>(referralMutation('createReferral'), {
        input: { ...referralInput(patient.id, provider.createProvider.id, { reason: `Tie ${index}` }), idempotencyKey: randomUUID() },
      });
      return { id: data.createReferral.id, time: data.createReferral.createdAt };
    });

    const served = await walkOneByOne(async (after) => {
      const data = await coordinator.client.ok<{ referrals: { pageInfo: Page['pageInfo']; edges: Array<{ cursor: string; node: { id: string; createdAt: string } }> } }>(
        `query referrals($filter: ReferralFilter, $first: Int, $after: String) {
          referrals(filter: $filter, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id createdAt } } }
        }`,
        { filter: { patientId: patient.id }, first: 1, after },
      );
      return { pageInfo: data.referrals.pageInfo, edges: data.referrals.edges.map((edge) => ({ cursor: edge.cursor, node: { id: edge.node.id, time: edge.node.createdAt } })) };
    }, created.length);

    expectEachExactlyOnce(served, created);
  });
});
