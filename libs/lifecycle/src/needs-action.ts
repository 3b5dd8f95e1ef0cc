import { LifecycleAction, Party, ReferralAction, ReferralStatus as S } from './referral-status';
import { availableActions, LIFECYCLE, OnceDoneFact, ReferralFacts, Rule, ruleFor } from './state-machine';

/**
 * What "needs your action" means, derived from the lifecycle table: a referral needs a party's
 * action when the party may now take a move that is work, one the referral waits on. A move is
 * work when
 *  - it is offered to people (a ReferralAction: the system's moves and an episode's own steps,
 *    such as recording a visit, are never owed);
 *  - it is not a way out (WAYS_OUT): those are open on every pending referral, so counting
 *    them would put every referral on the list;
 *  - it moves the referral on: to another status, or, for a move that keeps the status, a
 *    once-only move that settles a fact (acknowledging the outcome, redirecting). Moving an
 *    appointment (SCHEDULE from SCHEDULED) leaves the referral where it was.
 */
export const WAYS_OUT: ReadonlySet<ReferralAction> = new Set([ReferralAction.CANCEL, ReferralAction.DECLINE]);

const OFFERED: ReadonlySet<LifecycleAction> = new Set(Object.values(ReferralAction));

/** Whether taking the rule's move from `from` is work (see above). */
export function isWork(rule: Rule, from: S): boolean {
  if (!OFFERED.has(rule.action) || WAYS_OUT.has(rule.action as ReferralAction)) return false;
  return rule.to === null ? rule.notOnceDone !== undefined : rule.to !== from;
}

/** Statuses from which a party has work, until `unlessDone` (when set) is a fact of the referral. */
export interface ToDo {
  statuses: readonly S[];
  unlessDone: OnceDoneFact | null;
}

function toDoOf(party: Party): ToDo[] {
  const groups = new Map<OnceDoneFact | null, Set<S>>();
  for (const rule of LIFECYCLE) {
    if (!rule.parties.includes(party)) continue;
    const unlessDone = rule.notOnceDone?.fact ?? null;
    for (const from of rule.from.filter((status) => isWork(rule, status))) {
      const statuses = groups.get(unlessDone) ?? new Set<S>();
      groups.set(unlessDone, statuses.add(from));
    }
  }
  // In the status enum's order, so that the table (and the SQL built from it) reads the same every time.
  const ordered = (statuses: Set<S>) => Object.values(S).filter((status) => statuses.has(status));
  return [...groups].map(([unlessDone, statuses]) => ({ statuses: ordered(statuses), unlessDone }));
}

/** Per party, where its work is: what the referrals list's `needsAction` filter is built from. */
export const TO_DO: Readonly<Record<Party, readonly ToDo[]>> = {
  [Party.REFERRER]: toDoOf(Party.REFERRER),
  [Party.RECEIVER_STAFF]: toDoOf(Party.RECEIVER_STAFF),
  [Party.TARGET_PROVIDER]: toDoOf(Party.TARGET_PROVIDER),
  [Party.POOL_CANDIDATE]: toDoOf(Party.POOL_CANDIDATE),
  [Party.SYSTEM]: toDoOf(Party.SYSTEM),
};

/** Whether the referral needs the action of someone who is these parties, from TO_DO. */
export const needsActionOf = (facts: ReferralFacts, actor: ReadonlySet<Party>): boolean =>
  [...actor].some((party) => TO_DO[party].some((toDo) => toDo.statuses.includes(facts.status) && !(toDo.unlessDone && facts[toDo.unlessDone])));

/** The viewer's available actions that are work: what a referral shows as needing their action. */
export function workActions(facts: ReferralFacts, actor: ReadonlySet<Party>): ReferralAction[] {
  return availableActions(facts, actor).filter((action) => {
    const rule = ruleFor(facts.status, action, actor);
    return rule !== undefined && isWork(rule, facts.status);
  });
}
