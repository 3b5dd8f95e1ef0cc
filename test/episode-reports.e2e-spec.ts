import { expectGraphqlError } from './support/expectations';
import {
  episodeIn,
  historyOf,
  notificationsOf,
  notificationsWrittenBy,
  readEpisode,
  recordVisit,
  Report,
  setPlan,
} from './support/episode-reports';
import { SEND_PROGRESS_REPORT } from './support/episode-operations';
import { GraphqlClient } from './support/graphql-client';
import { referralIn } from './support/world';
import { useWorld } from './support/file-setup';

const VISIT_EVENTS = ['TREATMENT_STARTED', 'VISIT_RECORDED', 'NO_SHOW'];

const sendReport = (client: GraphqlClient, input: Record<string, unknown>) =>
  client.request<{ sendProgressReport: Report }>(SEND_PROGRESS_REPORT, { input });

/**
 * What the treating side tells the referrer during an episode: an interim report every N
 * attended visits and on demand (stored snapshots, append-only), and word of missed visits
 * from the Nth on.
 */
describe('episode reports (a report every 2 attended visits, the referrer told from the 2nd missed visit)', () => {
  const { world, db } = useWorld({ env: { PROGRESS_REPORT_EVERY_VISITS: '2', NO_SHOWS_BEFORE_TELLING_REFERRER: '2' } });

  const provider = () => world.targetProvider.client;
  const referrer = () => world.coordinatorA.client;
  /** Records a visit that must succeed; returns the notifications it wrote. */
  const visit = (referralId: string, spec: Parameters<typeof recordVisit>[2]) =>
    notificationsWrittenBy(db, referralId, async () => {
      const response = await recordVisit(provider(), referralId, spec);
      expect(response.errors).toBeUndefined();
    });

  describe('one episode: automatic reports, snapshots, a report on demand', () => {
    let referralId: string;

    beforeAll(async () => {
      referralId = await episodeIn(world, db, 'SCHEDULED');
      await setPlan(provider(), referralId);
    });

    it('writes a report after the 2nd and the 4th attended visit only; a missed visit does not count', async () => {
      const progressAfter: Array<Awaited<ReturnType<typeof readEpisode>>['progress']> = [];
      const written: Array<Array<[string, string]>> = [];
      const visits = [
        { attended: true, hoursAgo: 50, degrees: 120, painScore: 6 },
        { attended: true, hoursAgo: 40, degrees: 130, painScore: 5, shortTermGoalsMet: [] },
        { attended: false, hoursAgo: 30 },
        { attended: true, hoursAgo: 20, degrees: 142, painScore: 4, shortTermGoalsMet: [1] },
        { attended: true, hoursAgo: 10, degrees: 150, painScore: 3, shortTermGoalsMet: [2] },
      ];
      for (const spec of visits) {
        written.push(await visit(referralId, spec));
        progressAfter.push((await readEpisode(referrer(), referralId)).progress);
      }

      const report: Array<[string, string]> = [['REFERRER', 'PROGRESS_REPORT']];
      expect(written).toEqual([[], report, [], [], report]);

      const episode = await readEpisode(referrer(), referralId);
      expect(episode.status).toBe('IN_TREATMENT');
      expect(episode.reports.map((r) => [r.number, r.trigger, r.comments, r.writtenBy.id, r.progress.attendedVisits, r.progress.missedVisits])).toEqual([
        [1, 'EVERY_N_VISITS', null, world.targetProvider.id, 2, 0],
        [2, 'EVERY_N_VISITS', null, world.targetProvider.id, 4, 1],
      ]);
      // Each report is the progress as it stood right after the visit that made it due.
      expect(episode.reports[0].progress).toEqual(progressAfter[1]);
      expect(episode.reports[1].progress).toEqual(progressAfter[4]);
      expect(episode.reports[1].progress).toMatchObject({ firstPainScore: 6, latestPainScore: 3 });
      expect(episode.reports[1].progress.goals.map((goal) => [goal.position, goal.met, goal.metAtVisit])).toEqual([
        [1, true, 4],
        [2, true, 5],
        [3, false, null],
      ]);

      // The referrer's address is the one each report notification went to.
      const reportRows = (await notificationsOf(db, referralId)).filter((row) => row.template === 'PROGRESS_REPORT');
      expect(reportRows.map((row) => [row.recipient_kind, row.recipient_email])).toEqual([
        ['REFERRER', world.coordinatorA.email],
        ['REFERRER', world.coordinatorA.email],
      ]);

      // The visits' history entries: the two that brought a report name it.
      const history = (await historyOf(db, referralId)).filter((entry) => VISIT_EVENTS.includes(entry.type));
      expect(history.map((entry) => [entry.type, entry.actor_id, entry.data?.visitNumber, entry.data?.reportNumber])).toEqual([
        ['TREATMENT_STARTED', world.targetProvider.id, 1, undefined],
        ['VISIT_RECORDED', world.targetProvider.id, 2, 1],
        ['NO_SHOW', world.targetProvider.id, 3, undefined],
        ['VISIT_RECORDED', world.targetProvider.id, 4, undefined],
        ['VISIT_RECORDED', world.targetProvider.id, 5, 2],
      ]);
      expect(history.filter((entry) => entry.data !== null && 'reportNumber' in entry.data)).toHaveLength(2);
    });

    it('a report is a snapshot: later visits change the progress, not the reports', async () => {
      const before = await readEpisode(referrer(), referralId);
      // A fifth attended visit (no report due) with a new measure, pain score and goal met.
      expect(await visit(referralId, { attended: true, hoursAgo: 5, degrees: 172, painScore: 1, shortTermGoalsMet: [3] })).toEqual([]);
      const after = await readEpisode(referrer(), referralId);
      expect(after.progress).toMatchObject({ attendedVisits: 5, missedVisits: 1, latestPainScore: 1 });
      expect(after.progress.measures[0]).toMatchObject({ latestDegrees: 172 });
      expect(after.progress).not.toEqual(before.progress);
      expect(after.reports).toEqual(before.reports);
      expect(after.reports[1].progress.measures[0]).toMatchObject({ latestDegrees: 150 });
      expect(after.reports[1].progress).toMatchObject({ attendedVisits: 4, latestPainScore: 3 });
      // The receiving clinic reads the same reports.
      expect((await readEpisode(world.coordinatorB.client, referralId)).reports).toEqual(after.reports);
    });

    it('the database refuses to rewrite or delete a stored report', async () => {
      const { rows } = await db.query<{ id: string; comments: string | null; progress: unknown }>(
        'SELECT id, comments, progress FROM progress_reports WHERE referral_id = $1 ORDER BY number',
        [referralId],
      );
      expect(rows).toHaveLength(2);
      const [first] = rows;
      await expect(db.query('UPDATE progress_reports SET comments = $2 WHERE id = $1', [first.id, 'rewritten'])).rejects.toThrow(/append-only/);
      await expect(
        db.query(`UPDATE progress_reports SET progress = jsonb_set(progress, '{attendedVisits}', '9') WHERE id = $1`, [first.id]),
      ).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM progress_reports WHERE id = $1', [first.id])).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM progress_reports WHERE referral_id = $1', [referralId])).rejects.toThrow(/append-only/);
      const { rows: still } = await db.query('SELECT id, comments, progress FROM progress_reports WHERE referral_id = $1 ORDER BY number', [referralId]);
      expect(still).toEqual(rows);
    });

    it('sendProgressReport writes the next report on demand: trimmed comments, the progress of the moment, history, a version and an email', async () => {
      const before = await readEpisode(provider(), referralId);
      let sent: Report | undefined;
      const written = await notificationsWrittenBy(db, referralId, async () => {
        const response = await sendReport(provider(), { referralId, expectedVersion: before.version, comments: '  Flexion nearly full; continuing weekly.  \n' });
        expect(response.errors).toBeUndefined();
        sent = response.data?.sendProgressReport;
      });
      expect(written).toEqual([['REFERRER', 'PROGRESS_REPORT']]);
      expect(sent).toMatchObject({ number: 3, trigger: 'ON_DEMAND', comments: 'Flexion nearly full; continuing weekly.', writtenBy: { id: world.targetProvider.id } });
      expect(sent?.progress).toEqual(before.progress);

      const after = await readEpisode(referrer(), referralId);
      expect(after.version).toBe(before.version + 1);
      expect(after.status).toBe('IN_TREATMENT');
      expect(after.reports.map((r) => [r.number, r.trigger])).toEqual([
        [1, 'EVERY_N_VISITS'],
        [2, 'EVERY_N_VISITS'],
        [3, 'ON_DEMAND'],
      ]);
      expect(after.reports[2]).toEqual(sent);
      const last = (await historyOf(db, referralId)).at(-1);
      expect(last).toEqual({
        type: 'PROGRESS_REPORTED',
        from_status: 'IN_TREATMENT',
        to_status: 'IN_TREATMENT',
        actor_id: world.targetProvider.id,
        data: { reportNumber: 3 },
      });

      // The stale version is now a conflict; blank comments are stored as none.
      expectGraphqlError(await sendReport(provider(), { referralId, expectedVersion: before.version }), 'CONFLICT');
      const blank = await sendReport(provider(), { referralId, comments: '   ' });
      expect(blank.errors).toBeUndefined();
      expect(blank.data?.sendProgressReport).toMatchObject({ number: 4, comments: null });

      // The next automatic report continues the sequence.
      expect(await visit(referralId, { attended: true, hoursAgo: 1, degrees: 175 })).toEqual([['REFERRER', 'PROGRESS_REPORT']]);
      const reports = (await readEpisode(referrer(), referralId)).reports;
      expect(reports.map((r) => [r.number, r.trigger, r.progress.attendedVisits])).toEqual([
        [1, 'EVERY_N_VISITS', 2],
        [2, 'EVERY_N_VISITS', 4],
        [3, 'ON_DEMAND', 5],
        [4, 'ON_DEMAND', 5],
        [5, 'EVERY_N_VISITS', 6],
      ]);
    });
  });

  it("sendProgressReport is the treating provider's, and only in treatment", async () => {
    const treating = await referralIn(world, 'IN_TREATMENT');
    const scheduled = await referralIn(world, 'SCHEDULED');
    expectGraphqlError(await sendReport(world.coordinatorA.client, { referralId: treating.id }), 'FORBIDDEN');
    expectGraphqlError(await sendReport(world.coordinatorB.client, { referralId: treating.id }), 'FORBIDDEN');
    expectGraphqlError(await sendReport(world.alternateProvider.client, { referralId: treating.id }), 'NOT_FOUND');
    expectGraphqlError(await sendReport(world.coordinatorC.client, { referralId: treating.id }), 'NOT_FOUND');
    expectGraphqlError(await sendReport(provider(), { referralId: scheduled.id }), 'INVALID_TRANSITION');
    const { rows } = await db.query('SELECT 1 FROM progress_reports WHERE referral_id = ANY($1::uuid[])', [[treating.id, scheduled.id]]);
    expect(rows).toHaveLength(0);
    for (const id of [treating.id, scheduled.id]) {
      expect((await notificationsOf(db, id)).filter((row) => row.template === 'PROGRESS_REPORT')).toEqual([]);
    }
  });

  it('tells the referrer of the 2nd missed visit and of each one after it; attended visits in between do not reset the count', async () => {
    const referralId = await episodeIn(world, db, 'IN_TREATMENT');
    const missed: Array<[string, string]> = [['REFERRER', 'VISITS_MISSED']];
    expect(await visit(referralId, { attended: false, hoursAgo: 50 })).toEqual([]);
    expect(await visit(referralId, { attended: true, hoursAgo: 40 })).toEqual([]);
    expect(await visit(referralId, { attended: false, hoursAgo: 30 })).toEqual(missed);
    // The 2nd attended visit brings a report, not word of missed visits.
    expect(await visit(referralId, { attended: true, hoursAgo: 20 })).toEqual([['REFERRER', 'PROGRESS_REPORT']]);
    expect(await visit(referralId, { attended: false, hoursAgo: 10 })).toEqual(missed);

    const rows = (await notificationsOf(db, referralId)).filter((row) => row.template === 'VISITS_MISSED');
    expect(rows.map((row) => [row.recipient_kind, row.recipient_email])).toEqual([
      ['REFERRER', world.coordinatorA.email],
      ['REFERRER', world.coordinatorA.email],
    ]);
    const episode = await readEpisode(referrer(), referralId);
    expect(episode.progress).toMatchObject({ attendedVisits: 2, missedVisits: 3 });
    expect(episode.status).toBe('IN_TREATMENT');
  });

  it('a no-show on a SCHEDULED referral keeps it SCHEDULED, and still counts toward telling the referrer', async () => {
    const referralId = await episodeIn(world, db, 'SCHEDULED');
    expect(await visit(referralId, { attended: false, hoursAgo: 30 })).toEqual([]);
    expect(await visit(referralId, { attended: false, hoursAgo: 20 })).toEqual([['REFERRER', 'VISITS_MISSED']]);
    const episode = await readEpisode(referrer(), referralId);
    expect(episode.status).toBe('SCHEDULED');
    expect(episode.progress).toMatchObject({ attendedVisits: 0, missedVisits: 2 });
    expect(episode.reports).toEqual([]);
    const noShows = (await historyOf(db, referralId)).filter((entry) => VISIT_EVENTS.includes(entry.type));
    expect(noShows.map((entry) => [entry.type, entry.from_status, entry.to_status])).toEqual([
      ['NO_SHOW', 'SCHEDULED', 'SCHEDULED'],
      ['NO_SHOW', 'SCHEDULED', 'SCHEDULED'],
    ]);
  });
});

describe('episode reports switched off (PROGRESS_REPORT_EVERY_VISITS=0)', () => {
  const { world, db } = useWorld({ env: { PROGRESS_REPORT_EVERY_VISITS: '0' } });

  it('no visit writes a report; one can still be sent on demand', async () => {
    const referralId = await episodeIn(world, db, 'SCHEDULED');
    for (let n = 8; n >= 1; n -= 1) {
      const written = await notificationsWrittenBy(db, referralId, async () => {
        expect((await recordVisit(world.targetProvider.client, referralId, { attended: true, hoursAgo: n })).errors).toBeUndefined();
      });
      expect(written).toEqual([]);
    }
    const episode = await readEpisode(world.coordinatorA.client, referralId);
    expect(episode.progress.attendedVisits).toBe(8);
    expect(episode.reports).toEqual([]);
    const history = (await historyOf(db, referralId)).filter((entry) => VISIT_EVENTS.includes(entry.type));
    expect(history).toHaveLength(8);
    for (const entry of history) expect(entry.data).not.toHaveProperty('reportNumber');

    const sent = await sendReport(world.targetProvider.client, { referralId });
    expect(sent.errors).toBeUndefined();
    expect(sent.data?.sendProgressReport).toMatchObject({ number: 1, trigger: 'ON_DEMAND', progress: { attendedVisits: 8 } });
  });
});
