import { DataSource } from 'typeorm';

/**
 * Moves a sent referral's answer deadline to now, so the response clock's own expiry can run
 * while the demo data loads rather than a response window (hours) later; returns the clock's
 * run (clock_seq) the expiry must name. Besides the seeder's backdating, the one write to a
 * referral outside the lifecycle (libs/referrals/src/one-write-path.spec.ts): the expiry itself,
 * its history entry and its emails are the lifecycle's.
 */
export async function windClockToDeadline(db: DataSource, referralId: string): Promise<number> {
  const [[row]]: [[{ clock_seq: number } | undefined]] = await db.query(
    `UPDATE referrals SET due_at = now() - interval '1 second' WHERE id = $1 AND due_at IS NOT NULL RETURNING clock_seq`,
    [referralId],
  );
  if (!row) throw new Error(`Referral ${referralId} has no response clock running`);
  return row.clock_seq;
}
