import { JobName, jobRequest } from './job-catalogue';
import { JobQueues } from './job-queues';
import { RelayWalk } from './relay-walk';

/** Rows 0..count-1, each a job that is present unless its number is in `lost`. */
function world(count: number, lost: Set<number>) {
  const rows = Array.from({ length: count }, (_, n) => n);
  const pages: Array<number | null> = [];
  const jobs = { ensure: jest.fn(async (request: { payload: { notificationId: string } }) => (lost.delete(Number(request.payload.notificationId)) ? 'added' : 'present')) };
  const walk = new RelayWalk<number>(
    jobs as unknown as JobQueues,
    async (after, limit) => {
      pages.push(after);
      return rows.filter((row) => after === null || row > after).slice(0, limit);
    },
    (row) => jobRequest(JobName.SEND_NOTIFICATION, { notificationId: String(row) }),
  );
  return { walk, pages, jobs };
}

describe('RelayWalk', () => {
  it('checks two pages a pass when nothing is lost, and goes on from there next pass, wrapping around', async () => {
    const { walk, pages } = world(450, new Set());
    expect(await walk.pass()).toBe(0);
    expect(pages).toEqual([null, 99]);
    await walk.pass();
    expect(pages.slice(2)).toEqual([199, 299]);
    await walk.pass();
    // The fifth page is short: the pass ends there, and the next starts from the oldest again.
    expect(pages.slice(4)).toEqual([399]);
    await walk.pass();
    expect(pages.slice(5)).toEqual([null, 99]);
  });

  it('finds a lost job far behind a long backlog of waiting ones within a few passes', async () => {
    const { walk } = world(1_000, new Set([850]));
    const added: number[] = [];
    for (let pass = 0; pass < 5; pass += 1) added.push(await walk.pass());
    expect(added.reduce((sum, n) => sum + n, 0)).toBe(1);
  });

  it('goes on past two pages while pages keep needing jobs re-added', async () => {
    const lost = new Set(Array.from({ length: 350 }, (_, n) => n));
    const { walk, pages } = world(500, lost);
    expect(await walk.pass()).toBe(350);
    expect(pages).toEqual([null, 99, 199, 299, 399]);
  });
});
