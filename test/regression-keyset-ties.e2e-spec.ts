import { GraphqlClient } from './support/graphql-client';
import { Actor, createClinic, createPatient, createSignedInUser, patientInput, signInAsPlatformAdmin } from './support/fixtures';
import { PATIENT } from './support/operations';
import { useTestApp } from './support/file-setup';
import { BURST, BURSTS_BEFORE_FORCING, createWithTies, expectEachExactlyOnce, hasTie, MIN_ROWS, Page, Row, tieEverySecond, tieInTable, walkOneByOne } from './support/keyset';

/**
 * Review regression: keyset pagination must never skip (or repeat) a row, even when several
 * rows were created within the same millisecond. PostgreSQL keeps microseconds; a cursor that
 * keeps only milliseconds puts the rest of a same-millisecond group behind the cursor.
 *
 * Rows are created concurrently (Promise.all) until at least two of them share a millisecond,
 * so each walk below really crosses a tie; then the list is walked one row per page. Through
 * the API here: patients, and the audit trail, whose entries only requests write; providers,
 * referrals and patients again on the services, in service/keyset-ties.service-spec.ts.
 */
describe('review regressions: keyset pagination across same-millisecond rows', () => {
  const { app: testApp, db } = useTestApp();
  /** Ties made in SQL when the machine is too busy for concurrent requests to share a millisecond. */
  const tie = (table: 'patients' | 'audit_entries', column: 'created_at' | 'at') =>
    tieInTable(
      async (sql, params) => {
        // audit_entries is append-only (a trigger refuses any UPDATE); this test's own connection
        // sets that aside for the one statement that stages the tie.
        await db.query('SET session_replication_role = replica');
        try {
          return (await db.query<{ time: Date }>(sql, params)).rows;
        } finally {
          await db.query('SET session_replication_role = origin');
        }
      },
      table,
      column,
    );
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
    }, tie('patients', 'created_at'));

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
    for (let burst = 0; burst < BURSTS_BEFORE_FORCING && !(created.length >= MIN_ROWS && hasTie(created)); burst += 1) {
      await Promise.all(Array.from({ length: BURST }, () => reader.client.ok(PATIENT, { id: patient.id })));
      created = await entriesSoFar();
    }
    expect(created.length).toBeLessThan(100);
    // Entries of one request each, written one at a time on a busy machine: a tie is made, not hoped for.
    if (!hasTie(created)) created = await tieEverySecond(created, tie('audit_entries', 'at'));

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
});
