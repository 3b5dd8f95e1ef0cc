/** A referral's history as either layer reads it: oldest first. */
export interface HistoryLink {
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
}

/**
 * The history is one chain: it opens with the creation (into DRAFT), each entry starts from the
 * status the one before left, and the last leaves the referral's current status. Returns the
 * entries after the creation.
 */
export function expectOneChain<Link extends HistoryLink>(history: readonly Link[], currentStatus: string): Link[] {
  const [first, ...rest] = history;
  expect(first).toMatchObject({ type: 'CREATED', fromStatus: null, toStatus: 'DRAFT' });
  let status = first.toStatus;
  for (const event of rest) {
    expect(event.fromStatus).toBe(status);
    status = event.toStatus;
  }
  expect(status).toBe(currentStatus);
  return rest;
}
