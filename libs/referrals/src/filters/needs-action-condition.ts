import { Actor } from '@referloop/common';
import { TO_DO } from '@referloop/lifecycle';
import { Param, partyConditions } from '../referral-access';
import { FACT_COLUMNS } from '../referral-facts';

/**
 * Referrals `r` on which the actor has something to do now, in SQL: for each party the actor
 * may be, that party's work in the lifecycle's TO_DO. It is the twin of `workActions`, which
 * the Referral.needsAction field shows; a service test holds the two together. Platform
 * admins act on no referral, so none needs their action.
 */
export function needsActionCondition(actor: Actor, param: Param): string {
  const sides = partyConditions(actor, param).flatMap(({ party, condition }) => {
    const work = TO_DO[party].map(({ statuses, unlessDone }) => {
      const open = unlessDone ? ` AND r.${FACT_COLUMNS[unlessDone]} IS NULL` : '';
      return `(r.status = ANY(${param(statuses)}::text[])${open})`;
    });
    return work.length > 0 ? [`((${condition}) AND (${work.join(' OR ')}))`] : [];
  });
  return sides.length > 0 ? `(${sides.join(' OR ')})` : 'FALSE';
}

/**
 * The filter for `needsAction: true` or `false`, as IS TRUE and IS NOT TRUE:
 *  - a side's condition is NULL rather than false on a referral with no receiver yet (an open
 *    one), and such a referral has nothing for that side to do;
 *  - it stays a filter on the rows the list reads, never an index path of its own. Left bare,
 *    PostgreSQL may intersect its status indexes with a search's lookup of each matching
 *    patient's referrals, rebuilding them for every patient: about 0.8 s instead of 50 ms over
 *    a million referrals (bench:plans, "search: last name start, needs action").
 */
export const needsActionFilter = (actor: Actor, needsAction: boolean, param: Param): string =>
  `(${needsActionCondition(actor, param)}) ${needsAction ? 'IS TRUE' : 'IS NOT TRUE'}`;
