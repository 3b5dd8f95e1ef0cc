import { GraphqlClient } from './support/graphql-client';
import { Referral, createPatient, runReferralMutation, referralInput } from './support/fixtures';
import { expectGraphqlError } from './support/expectations';
import { referralIn } from './support/world';
import { useWorld } from './support/file-setup';

/**
 * What a web app's inbox asks of the referrals list: priority, search (reference or patient
 * name) and needsAction, alone and together with direction, status and paging, with totalCount
 * counting what the pages hold, and nothing found outside the caller's tenancy.
 */
const INBOX = `query inbox($filter: ReferralFilter, $first: Int, $after: String) {
  referrals(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id reference status priority needsAction availableActions patient { firstName lastName } } }
  }
}`;

interface Row {
  id: string;
  reference: string;
  status: string;
  priority: string;
  needsAction: boolean;
  availableActions: string[];
  patient: { firstName: string; lastName: string };
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: Row }>;
}

/** Every row the filter gives, page after page of `first`, and the totalCount each page gave. */
async function walk(client: GraphqlClient, filter: Record<string, unknown>, first = 100): Promise<{ rows: Row[]; totals: number[] }> {
  const rows: Row[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard += 1) {
    const { referrals }: { referrals: Page } = await client.ok<{ referrals: Page }>(INBOX, { filter, first, after });
    rows.push(...referrals.edges.map((edge) => edge.node));
    totals.push(referrals.totalCount);
    if (!referrals.pageInfo.hasNextPage) return { rows, totals };
    after = referrals.pageInfo.endCursor;
  }
  throw new Error('the list did not end after 50 pages');
}

/** The ids a filter gives, sorted, after checking that every page's totalCount is their number. */
async function idsOf(client: GraphqlClient, filter: Record<string, unknown>, first = 100): Promise<string[]> {
  const { rows, totals } = await walk(client, filter, first);
  for (const total of totals) expect({ filter, total }).toEqual({ filter, total: rows.length });
  return rows.map((row) => row.id).sort();
}

const sorted = (...referrals: Array<{ id: string }>) => referrals.map((referral) => referral.id).sort();

describe('referrals list: priority, search and needsAction', () => {
  const { world, db } = useWorld();
  // Clinic A: Zoë Quillfeather and Mary Ann Quillon-Smythe. Clinic C: a Zoe Quillfeather of its own.
  let zoe: Referral; // SENT, URGENT
  let zoeDraft: Referral; // DRAFT
  let maryOnHold: Referral; // ON_HOLD
  let maryCompleted: Referral; // COMPLETED, URGENT
  let elsewhere: Referral; // clinic C to its own provider, SENT

  beforeAll(async () => {
    const zoePatient = await createPatient(world.coordinatorA.client, world.clinicA.id, { firstName: 'Zoë', lastName: 'Quillfeather' });
    const maryPatient = await createPatient(world.coordinatorA.client, world.clinicA.id, { firstName: 'Mary Ann', lastName: 'Quillon-Smythe' });
    const otherZoe = await createPatient(world.coordinatorC.client, world.clinicC.id, { firstName: 'Zoe', lastName: 'Quillfeather' });
    zoe = await referralIn(world, 'SENT', { patientId: zoePatient.id, priority: 'URGENT' });
    zoeDraft = await referralIn(world, 'DRAFT', { patientId: zoePatient.id });
    maryOnHold = await referralIn(world, 'ON_HOLD', { patientId: maryPatient.id });
    maryCompleted = await referralIn(world, 'COMPLETED', { patientId: maryPatient.id, priority: 'URGENT' });
    elsewhere = await runReferralMutation(world.coordinatorC.client, 'createReferral', {
      ...referralInput(otherZoe.id, world.unrelatedProvider.providerId, { send: true }),
    });
  });

  describe('priority', () => {
    it('alone, and with direction, status and paging', async () => {
      expect(await idsOf(world.coordinatorA.client, { priority: 'URGENT' })).toEqual(sorted(zoe, maryCompleted));
      expect(await idsOf(world.coordinatorA.client, { priority: 'URGENT' }, 1)).toEqual(sorted(zoe, maryCompleted));
      expect(await idsOf(world.coordinatorB.client, { priority: 'URGENT', direction: 'INBOUND' })).toEqual(sorted(zoe, maryCompleted));
      expect(await idsOf(world.coordinatorB.client, { priority: 'URGENT', status: ['SENT'] })).toEqual(sorted(zoe));
      expect(await idsOf(world.coordinatorB.client, { priority: 'URGENT', direction: 'OUTBOUND' })).toEqual([]);
      const routine = await idsOf(world.coordinatorA.client, { priority: 'ROUTINE' });
      expect(routine).toEqual(expect.arrayContaining(sorted(zoeDraft, maryOnHold)));
      expect(routine).not.toContain(zoe.id);
    });
  });

  describe('search by reference', () => {
    it('finds a reference whole or by its start, in any case, within the caller’s referrals', async () => {
      expect(await idsOf(world.coordinatorA.client, { search: zoe.reference.toLowerCase() })).toEqual(sorted(zoe));
      expect(await idsOf(world.coordinatorB.client, { search: ` ${zoe.reference} ` })).toEqual(sorted(zoe));
      const start = zoe.reference.slice(0, 5).toLowerCase();
      const { rows } = await walk(world.coordinatorA.client, { search: start });
      expect(rows.map((row) => row.id)).toContain(zoe.id);
      for (const row of rows) expect(row.reference.startsWith(start.toUpperCase())).toBe(true);
    });

    it('finds nothing outside the caller’s referrals, and not a draft on the receiving side', async () => {
      expect(await idsOf(world.coordinatorC.client, { search: zoe.reference })).toEqual([]);
      expect(await idsOf(world.alternateProvider.client, { search: zoe.reference })).toEqual([]);
      expect(await idsOf(world.coordinatorB.client, { search: zoeDraft.reference })).toEqual([]);
      expect(await idsOf(world.coordinatorA.client, { search: elsewhere.reference })).toEqual([]);
    });
  });

  describe('search by patient name', () => {
    it('matches the start of the first or last name, whatever the case and accents', async () => {
      const zoes = sorted(zoe, zoeDraft);
      for (const search of ['zoe', 'ZOË', 'Zo', 'quillf', 'zoe quill', 'Quillfeather Zoë', '  zoë   QUILLFEATHER ']) {
        expect({ search, ids: await idsOf(world.coordinatorA.client, { search }) }).toEqual({ search, ids: zoes });
      }
    });

    it('matches words inside a name once one word begins the first or last name', async () => {
      const marys = sorted(maryOnHold, maryCompleted);
      for (const search of ['mary ann', 'ann quill', 'smythe mary', 'quillon-smy', 'MARY ANN QUILLON SMYTHE']) {
        expect({ search, ids: await idsOf(world.coordinatorA.client, { search }) }).toEqual({ search, ids: marys });
      }
      // Neither begins the first or the last name.
      for (const search of ['ann', 'smythe', 'eather']) {
        expect({ search, ids: await idsOf(world.coordinatorA.client, { search }) }).toEqual({ search, ids: [] });
      }
    });

    it('finds every patient a word begins, with direction, status and paging', async () => {
      const all = sorted(zoe, zoeDraft, maryOnHold, maryCompleted);
      expect(await idsOf(world.coordinatorA.client, { search: 'quill' })).toEqual(all);
      expect(await idsOf(world.coordinatorA.client, { search: 'quill' }, 1)).toEqual(all);
      expect(await idsOf(world.coordinatorA.client, { search: 'quill', direction: 'OUTBOUND', status: ['DRAFT', 'ON_HOLD'] })).toEqual(sorted(zoeDraft, maryOnHold));
      expect(await idsOf(world.coordinatorA.client, { search: 'quill', direction: 'INBOUND' })).toEqual([]);
    });

    it('shows each side only its own referrals: another clinic’s namesake never, the receiver no draft', async () => {
      expect(await idsOf(world.coordinatorC.client, { search: 'zoe quillfeather' })).toEqual(sorted(elsewhere));
      const received = sorted(zoe, maryOnHold, maryCompleted);
      expect(await idsOf(world.coordinatorB.client, { search: 'quill' })).toEqual(received);
      expect(await idsOf(world.targetProvider.client, { search: 'quill' }, 2)).toEqual(received);
      expect(await idsOf(world.alternateProvider.client, { search: 'quill' })).toEqual([]);
      expect(await idsOf(world.unrelatedProvider.client, { search: 'zoe' })).toEqual(sorted(elsewhere));
      expect(await idsOf(world.platformAdmin, { search: 'zoe quill' })).toEqual(sorted(zoe, zoeDraft, elsewhere));
    });

    it('shows the receiving side the names it finds (it may read the patient of a referral sent to it)', async () => {
      const { rows } = await walk(world.coordinatorB.client, { search: 'zoë' });
      expect(rows.map((row) => row.patient)).toEqual([{ firstName: 'Zoë', lastName: 'Quillfeather' }]);
    });

    it('reads LIKE wildcards, and symbols that fold into them, literally', async () => {
      expect((await walk(world.coordinatorA.client, { search: 'q' })).rows.length).toBeGreaterThanOrEqual(4);
      for (const search of ['%', '_', '\\', 'q%', 'q_ill', '％', '＿', 'Zo＿']) {
        expect({ search, ids: await idsOf(world.coordinatorA.client, { search }) }).toEqual({ search, ids: [] });
      }
    });
  });

  describe('needsAction', () => {
    it('gives each side its own work, and the Referral field says the same on every row', async () => {
      // The referrer: the draft, the question to answer, the outcome to acknowledge.
      expect(await idsOf(world.coordinatorA.client, { search: 'quill', needsAction: true })).toEqual(sorted(zoeDraft, maryOnHold, maryCompleted));
      expect(await idsOf(world.coordinatorA.client, { search: 'quill', needsAction: false })).toEqual(sorted(zoe));
      // The receiver: the sent referral to answer; the question it asked and the completed episode wait on nobody of theirs.
      for (const client of [world.coordinatorB.client, world.targetProvider.client]) {
        expect(await idsOf(client, { search: 'quill', needsAction: true })).toEqual(sorted(zoe));
        expect(await idsOf(client, { search: 'quill', needsAction: false })).toEqual(sorted(maryOnHold, maryCompleted));
      }
      for (const client of [world.coordinatorA.client, world.coordinatorB.client, world.targetProvider.client, world.platformAdmin]) {
        const { rows } = await walk(client, {});
        const needing = new Set(await idsOf(client, { needsAction: true }));
        for (const row of rows) expect({ id: row.id, status: row.status, needsAction: row.needsAction }).toEqual({ id: row.id, status: row.status, needsAction: needing.has(row.id) });
      }
    });

    it('combines with priority, direction, status and paging', async () => {
      expect(await idsOf(world.coordinatorA.client, { needsAction: true, priority: 'URGENT' })).toEqual(sorted(maryCompleted));
      expect(await idsOf(world.coordinatorA.client, { needsAction: true, direction: 'OUTBOUND', status: ['ON_HOLD', 'SENT'], search: 'quill' }, 1)).toEqual(sorted(maryOnHold));
      expect(await idsOf(world.coordinatorB.client, { needsAction: true, direction: 'INBOUND', priority: 'URGENT' })).toEqual(sorted(zoe));
      expect(await idsOf(world.platformAdmin, { needsAction: true })).toEqual([]);
    });

    it('lets the completed referral go once its outcome is acknowledged', async () => {
      const acknowledged = await runReferralMutation(world.coordinatorA.client, 'acknowledgeReferralOutcome', { id: maryCompleted.id });
      expect(acknowledged.status).toBe('COMPLETED');
      expect(await idsOf(world.coordinatorA.client, { search: 'mary', needsAction: true })).toEqual(sorted(maryOnHold));
      expect(await idsOf(world.coordinatorA.client, { search: 'mary', needsAction: false })).toEqual(sorted(maryCompleted));
    });
  });

  describe('cost', () => {
    const aliased = (count: number, filter: string) =>
      `{ ${Array.from({ length: count }, (_, index) => `s${index}: referrals(first: 5, filter: ${filter}) { edges { node { id patient { lastName } } } }`).join(' ')} }`;

    it('prices a search above a plain list: nineteen in one request are too expensive, eighteen or twenty plain lists are not', async () => {
      const refused = await world.coordinatorA.client.request(aliased(19, '{ search: "quill" }'));
      expectGraphqlError(refused, 'QUERY_TOO_EXPENSIVE');
      expect(refused.errors?.[0]?.extensions?.cost).toBe(19 * (1 + 100 + 5));
      await world.coordinatorA.client.ok(aliased(18, '{ search: "quill" }'));
      await world.coordinatorA.client.ok(aliased(20, '{ needsAction: true, priority: URGENT }'));
    });
  });

  describe('bad input', () => {
    const auditEntries = async () => Number((await db.query('SELECT count(*) AS n FROM audit_entries')).rows[0].n);

    it.each([
      ['101 characters', 'q'.repeat(101), /longer|shorter/],
      ['blank', '   ', /blank/],
      ['nothing', '', /blank/],
      ['only hyphens', ' - -- ', /reference .* name/],
      ['six words', 'a b c d e f', /at most 5 words/],
    ])('a search of %s → BAD_USER_INPUT naming filter.search, nothing written', async (_label, search, why) => {
      const before = await auditEntries();
      const response = await world.coordinatorA.client.request(INBOX, { filter: { search }, first: 5 });
      const error = expectGraphqlError(response, 'BAD_USER_INPUT', 'filter.search');
      expect(error.message).toMatch(/^filter\.search: /);
      expect(error.message).toMatch(why);
      expect(await auditEntries()).toBe(before);
    });

    it('a search of 100 characters and five words is answered, and a search that shows referrals is audited (positive controls)', async () => {
      const data = await world.coordinatorA.client.ok<{ referrals: Page }>(INBOX, { filter: { search: `quill a b c ${'d'.repeat(88)}` }, first: 5 });
      expect(data.referrals.totalCount).toBe(0);
      const before = await auditEntries();
      await world.coordinatorA.client.ok(INBOX, { filter: { search: 'quill' }, first: 5 });
      expect(await auditEntries()).toBe(before + 1);
    });
  });
});
