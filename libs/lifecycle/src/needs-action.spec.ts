import { Party, ReferralAction, ReferralStatus as S } from './referral-status';
import { availableActions, ReferralFacts } from './state-machine';
import { needsActionOf, TO_DO, WAYS_OUT, workActions } from './needs-action';

const { REFERRER, RECEIVER_STAFF, TARGET_PROVIDER, POOL_CANDIDATE, SYSTEM } = Party;
const A = ReferralAction;

const FACTS: ReadonlyArray<Omit<ReferralFacts, 'status'>> = [
  { loopClosed: false, redirected: false },
  { loopClosed: true, redirected: false },
  { loopClosed: false, redirected: true },
  { loopClosed: true, redirected: true },
];

const ACTORS: Record<string, readonly Party[]> = {
  REFERRER: [REFERRER],
  RECEIVER_STAFF: [RECEIVER_STAFF],
  TARGET_PROVIDER: [TARGET_PROVIDER],
  POOL_CANDIDATE: [POOL_CANDIDATE],
  SYSTEM: [SYSTEM],
  'REFERRER+RECEIVER_STAFF': [REFERRER, RECEIVER_STAFF],
  'REFERRER+TARGET_PROVIDER': [REFERRER, TARGET_PROVIDER],
  NOBODY: [],
};

const every = Object.values(S).flatMap((status) => FACTS.map((facts) => ({ status, ...facts })));

/*
 * Written by hand, not derived: where each party has something to do, and what ends it. A
 * change to the lifecycle table that moves work shows up here as a failing cell.
 */
const EXPECTED: Record<Party, (facts: ReferralFacts) => boolean> = {
  // Send the draft, answer the question, redirect a declined or expired one, acknowledge the outcome.
  [REFERRER]: ({ status, loopClosed, redirected }) =>
    status === S.DRAFT ||
    status === S.ON_HOLD ||
    ((status === S.DECLINED || status === S.EXPIRED) && !redirected) ||
    (status === S.COMPLETED && !loopClosed),
  // Answer a sent referral, set the first appointment.
  [RECEIVER_STAFF]: ({ status }) => status === S.SENT || status === S.ACCEPTED,
  // The same, then start and complete the treatment.
  [TARGET_PROVIDER]: ({ status }) => [S.SENT, S.ACCEPTED, S.SCHEDULED, S.IN_TREATMENT].includes(status),
  [POOL_CANDIDATE]: ({ status }) => status === S.SENT,
  [SYSTEM]: () => false,
};

describe('needs action', () => {
  it.each(Object.values(Party))('is, for %s, where the hand-written table says', (party) => {
    for (const facts of every) {
      expect({ ...facts, party, needs: needsActionOf(facts, new Set([party])) }).toEqual({ ...facts, party, needs: EXPECTED[party](facts) });
    }
  });

  it('agrees with availableActions minus the actions that are not work, for every status, fact and actor', () => {
    for (const facts of every) {
      for (const [label, parties] of Object.entries(ACTORS)) {
        const actor = new Set(parties);
        // Not work: the ways out, and moving an appointment already set.
        const work = availableActions(facts, actor).filter(
          (action) => !WAYS_OUT.has(action) && !(action === A.SCHEDULE && facts.status === S.SCHEDULED),
        );
        expect({ ...facts, label, work: workActions(facts, actor) }).toEqual({ ...facts, label, work });
        expect({ ...facts, label, needs: needsActionOf(facts, actor) }).toEqual({ ...facts, label, needs: work.length > 0 });
      }
    }
  });

  it('counts the ways out and rescheduling as no work, and acknowledging or redirecting as work', () => {
    const work = (status: S, party: Party, facts: Partial<ReferralFacts> = {}) =>
      workActions({ status, loopClosed: false, redirected: false, ...facts }, new Set([party]));
    expect(work(S.SENT, REFERRER)).toEqual([]);
    expect(work(S.ON_HOLD, TARGET_PROVIDER)).toEqual([]);
    expect(work(S.SCHEDULED, RECEIVER_STAFF)).toEqual([]);
    expect(work(S.SCHEDULED, TARGET_PROVIDER)).toEqual([A.START_TREATMENT]);
    expect(work(S.COMPLETED, REFERRER)).toEqual([A.ACKNOWLEDGE_OUTCOME]);
    expect(work(S.COMPLETED, REFERRER, { loopClosed: true })).toEqual([]);
    expect(work(S.EXPIRED, REFERRER)).toEqual([A.REDIRECT]);
  });

  it('groups each party’s statuses by the fact that ends them, in enum order', () => {
    expect(TO_DO[REFERRER]).toEqual([
      { statuses: [S.DRAFT, S.ON_HOLD], unlessDone: null },
      { statuses: [S.DECLINED, S.EXPIRED], unlessDone: 'redirected' },
      { statuses: [S.COMPLETED], unlessDone: 'loopClosed' },
    ]);
    expect(TO_DO[SYSTEM]).toEqual([]);
  });
});
