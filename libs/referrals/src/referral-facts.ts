import { ReferralFacts } from '@referloop/lifecycle';
import { Referral } from './models/referral.model';
import { ReferralRow } from './referral.row';

/** What the state machine needs to know about a referral besides who is asking. */
export const factsOf = (referral: Referral): ReferralFacts => ({
  status: referral.status,
  loopClosed: referral.loopClosedAt !== null,
  redirected: referral.redirectedToId !== null,
});

export const rowFacts = (row: ReferralRow): ReferralFacts => ({
  status: row.status,
  loopClosed: row.loop_closed_at !== null,
  redirected: row.redirected_to_id !== null,
});
