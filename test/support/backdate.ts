import { Client } from 'pg';

/**
 * Moves a referral's creation and sending back by `days`, so its episode can hold visits dated
 * in the past: recordVisit refuses a visit from before the referral was sent. Its history keeps
 * the real times (the database refuses to rewrite history).
 */
export async function backdateReferral(db: Client, referralId: string, days: number): Promise<void> {
  const { rowCount } = await db.query(
    'UPDATE referrals SET created_at = created_at - make_interval(days => $2), sent_at = sent_at - make_interval(days => $2) WHERE id = $1',
    [referralId, days],
  );
  if (rowCount !== 1) throw new Error(`No referral ${referralId} to backdate`);
}
