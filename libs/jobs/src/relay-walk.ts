import { JobQueues } from './job-queues';
import { JobRequest } from './job-catalogue';

/** Rows checked per page, all at once (one Redis round trip each, pipelined on one connection). */
const PAGE = 100;
/** Pages every pass checks, going on from where the previous pass stopped. */
const PAGES_PER_PASS = 2;
/** Pages one pass may check while it keeps finding jobs to re-add (Redis lost its data). */
const MAX_PAGES = 50;

/**
 * How a relay walks the rows whose job may be lost (committed, but the process died before
 * queueing it, or Redis lost it) and queues again those whose job is not there. Each pass checks
 * a couple of pages, oldest first, from where the previous pass stopped, and wraps around: a long
 * backlog of rows whose jobs are still waiting costs a bounded check per pass, yet every row is
 * looked at within a few passes. A page that needed re-adding means more may be missing, and the
 * pass goes on.
 */
export class RelayWalk<Row> {
  /** Where the next pass starts; null: from the oldest. */
  private cursor: Row | null = null;

  constructor(
    private readonly jobs: JobQueues,
    /** Up to `limit` rows due for a check, oldest first, after the row `after` (keyset order). */
    private readonly page: (after: Row | null, limit: number) => Promise<Row[]>,
    private readonly jobOf: (row: Row) => JobRequest,
  ) {}

  /** One pass; how many jobs it queued again. */
  async pass(): Promise<number> {
    let added = 0;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const rows = await this.page(this.cursor, PAGE);
      const results = await Promise.all(rows.map((row) => this.jobs.ensure(this.jobOf(row))));
      const addedNow = results.filter((result) => result === 'added').length;
      added += addedNow;
      this.cursor = rows.length < PAGE ? null : rows[rows.length - 1];
      if (this.cursor === null || (addedNow === 0 && page + 1 >= PAGES_PER_PASS)) break;
    }
    return added;
  }
}
