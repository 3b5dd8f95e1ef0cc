import type { ReferralDetailFragment } from '../../gql/graphql';

export type HistoryEvent = ReferralDetailFragment['events'][number];

/** One line of the history: an event, or a run of the same silent event by the same person. */
export interface HistoryEntry {
  key: string;
  events: HistoryEvent[];
}

/** A run this long or longer reads as one line ("Visit recorded, 8 times"); shorter ones stay as they are. */
const SHORTEST_RUN = 3;

const sameRun = (a: HistoryEvent, b: HistoryEvent) => a.type === b.type && (a.actor?.id ?? null) === (b.actor?.id ?? null) && !a.reason && !b.reason;

/**
 * A long episode records a visit after a visit: the history would be a page of identical lines
 * hiding the moves that matter. Consecutive events of one type by one person that carry no words
 * become one entry; anything someone wrote (a reason, a question, an answer) always stands alone.
 */
export function historyEntries(events: readonly HistoryEvent[]): HistoryEntry[] {
  const runs: HistoryEvent[][] = [];
  for (const event of events) {
    const current = runs.at(-1);
    if (current && sameRun(current[current.length - 1], event)) current.push(event);
    else runs.push([event]);
  }
  return runs.flatMap((run) => (run.length >= SHORTEST_RUN ? [{ key: run[0].id, events: run }] : run.map((event) => ({ key: event.id, events: [event] }))));
}
