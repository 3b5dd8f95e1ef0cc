import { OnceDoneFact, ReferralFacts } from '@referloop/lifecycle';
import { Referral } from './models/referral.model';
import { ReferralRow } from './referral.row';

/** The column behind each once-only fact: set once the fact holds. SQL that asks for a fact reads it here. */
export const FACT_COLUMNS = { loopClosed: 'loop_closed_at', redirected: 'redirected_to_id' } as const satisfies Record<OnceDoneFact, keyof ReferralRow>;

/** What the state machine needs to know about a referral besides who is asking. */
export const factsOf = (referral: Referral): ReferralFacts => ({
  status: referral.status,
  loopClosed: referral.loopClosedAt !== null,
  redirected: referral.redirectedToId !== null,
});

export const rowFacts = (row: ReferralRow): ReferralFacts => ({
  status: row.status,
  loopClosed: row[FACT_COLUMNS.loopClosed] !== null,
  redirected: row[FACT_COLUMNS.redirected] !== null,
});
