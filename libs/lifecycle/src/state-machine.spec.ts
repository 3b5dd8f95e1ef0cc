import { ErrorReason } from '@referloop/core';
import { EpisodeAction, InternalAction, LifecycleAction, Party, ReferralAction, ReferralStatus as S } from './referral-status';
import { ACTIVE_EPISODE, availableActions, availableEpisodeActions, decide, Decision, MoveEffect, ReferralFacts } from './state-machine';

/*
 * The expectations below are written by hand from the lifecycle table in DESIGN.md and the
 * "Who may see and do what" section of issue 2, deliberately NOT derived from `LIFECYCLE`,
 * so that a wrong row in the code shows up as a failing cell here.
 *
 * Two independent hand-written tables:
 *  - OWNERS: whose action each action is at all (any status). An actor sharing no party with
 *    it gets NOT_YOUR_SIDE (FORBIDDEN), whatever the status.
 *  - MOVES: every allowed (status, action, party) cell with its target status and whether a
 *    free-text reason must accompany it. An owner whose cell is missing gets
 *    NOT_FROM_THIS_STATUS (INVALID_TRANSITION).
 */

const { REFERRER, RECEIVER_STAFF, TARGET_PROVIDER, SYSTEM } = Party;
const A = ReferralAction;
const I = InternalAction;

const ALL_STATUSES: readonly S[] = [
  S.DRAFT,
  S.SENT,
  S.ON_HOLD,
  S.ACCEPTED,
  S.DECLINED,
  S.SCHEDULED,
  S.IN_TREATMENT,
  S.COMPLETED,
  S.CANCELLED,
  S.EXPIRED,
];

const PUBLIC_ACTIONS: readonly ReferralAction[] = [
  A.SEND,
  A.CANCEL,
  A.REQUEST_INFO,
  A.PROVIDE_INFO,
  A.ACCEPT,
  A.DECLINE,
  A.SCHEDULE,
  A.START_TREATMENT,
  A.COMPLETE,
  A.ACKNOWLEDGE_OUTCOME,
  A.REDIRECT,
];
const ALL_ACTIONS: readonly LifecycleAction[] = [
  ...PUBLIC_ACTIONS,
  I.EDIT,
  I.EXPIRE,
  I.REMIND_RECEIVER,
  I.REMIND_OUTCOME,
  I.SET_TREATMENT_PLAN,
  I.RECORD_VISIT,
  I.SEND_PROGRESS_REPORT,
  I.REFER_ONWARD,
];

const ACTORS: Record<string, readonly Party[]> = {
  REFERRER: [REFERRER],
  RECEIVER_STAFF: [RECEIVER_STAFF],
  TARGET_PROVIDER: [TARGET_PROVIDER],
  SYSTEM: [SYSTEM],
  // A clinic referring to one of its own providers: its coordinator is on both sides.
  'REFERRER+RECEIVER_STAFF': [REFERRER, RECEIVER_STAFF],
  // A provider referring to themself (or a provider-referrer who is also the target).
  'REFERRER+TARGET_PROVIDER': [REFERRER, TARGET_PROVIDER],
  // A target provider who is also a clinic admin of the receiving clinic.
  'RECEIVER_STAFF+TARGET_PROVIDER': [RECEIVER_STAFF, TARGET_PROVIDER],
  NOBODY: [],
};

/** Whose action each action is, from DESIGN.md's "who" column and issue 2. */
const OWNERS: Record<LifecycleAction, readonly Party[]> = {
  [I.EDIT]: [REFERRER],
  [A.SEND]: [REFERRER],
  [A.PROVIDE_INFO]: [REFERRER],
  [A.REDIRECT]: [REFERRER],
  [A.ACKNOWLEDGE_OUTCOME]: [REFERRER],
  [A.REQUEST_INFO]: [RECEIVER_STAFF, TARGET_PROVIDER],
  [A.ACCEPT]: [RECEIVER_STAFF, TARGET_PROVIDER],
  [A.DECLINE]: [RECEIVER_STAFF, TARGET_PROVIDER],
  [A.SCHEDULE]: [RECEIVER_STAFF, TARGET_PROVIDER],
  // Clinical steps are the target provider's alone.
  [A.START_TREATMENT]: [TARGET_PROVIDER],
  [A.COMPLETE]: [TARGET_PROVIDER],
  [I.SET_TREATMENT_PLAN]: [TARGET_PROVIDER],
  [I.RECORD_VISIT]: [TARGET_PROVIDER],
  [I.SEND_PROGRESS_REPORT]: [TARGET_PROVIDER],
  [I.REFER_ONWARD]: [TARGET_PROVIDER],
  // The referrer cancels before acceptance; after it, either side may.
  [A.CANCEL]: [REFERRER, RECEIVER_STAFF, TARGET_PROVIDER],
  [I.EXPIRE]: [SYSTEM],
  [I.REMIND_RECEIVER]: [SYSTEM],
  [I.REMIND_OUTCOME]: [SYSTEM],
};

interface Move {
  from: S;
  action: LifecycleAction;
  party: Party;
  to: S;
  reasonRequired: boolean;
}

/** Every allowed (status, action, party) cell, one line each. */
const MOVES: readonly Move[] = [
  // Drafts: edited and sent by the referrer.
  { from: S.DRAFT, action: I.EDIT, party: REFERRER, to: S.DRAFT, reasonRequired: false },
  { from: S.DRAFT, action: A.SEND, party: REFERRER, to: S.SENT, reasonRequired: false },

  // Needs more information (the question is the reason) and the answer (the answer is the reason).
  { from: S.SENT, action: A.REQUEST_INFO, party: RECEIVER_STAFF, to: S.ON_HOLD, reasonRequired: true },
  { from: S.SENT, action: A.REQUEST_INFO, party: TARGET_PROVIDER, to: S.ON_HOLD, reasonRequired: true },
  { from: S.ON_HOLD, action: A.PROVIDE_INFO, party: REFERRER, to: S.SENT, reasonRequired: true },

  // Accept from SENT only (an ON_HOLD referral must be answered first).
  { from: S.SENT, action: A.ACCEPT, party: RECEIVER_STAFF, to: S.ACCEPTED, reasonRequired: false },
  { from: S.SENT, action: A.ACCEPT, party: TARGET_PROVIDER, to: S.ACCEPTED, reasonRequired: false },

  // Decline from SENT or ON_HOLD. DESIGN.md says "reason required": that reason is the
  // DeclineReason code, a required input field, so no free-text reason is demanded here
  // (free text is required only for OTHER, which input validation enforces).
  { from: S.SENT, action: A.DECLINE, party: RECEIVER_STAFF, to: S.DECLINED, reasonRequired: false },
  { from: S.SENT, action: A.DECLINE, party: TARGET_PROVIDER, to: S.DECLINED, reasonRequired: false },
  { from: S.ON_HOLD, action: A.DECLINE, party: RECEIVER_STAFF, to: S.DECLINED, reasonRequired: false },
  { from: S.ON_HOLD, action: A.DECLINE, party: TARGET_PROVIDER, to: S.DECLINED, reasonRequired: false },

  // Redirect creates a new referral; the old one keeps its status.
  { from: S.DECLINED, action: A.REDIRECT, party: REFERRER, to: S.DECLINED, reasonRequired: false },
  { from: S.EXPIRED, action: A.REDIRECT, party: REFERRER, to: S.EXPIRED, reasonRequired: false },

  // Cancel before acceptance: referrer only, reason optional.
  { from: S.DRAFT, action: A.CANCEL, party: REFERRER, to: S.CANCELLED, reasonRequired: false },
  { from: S.SENT, action: A.CANCEL, party: REFERRER, to: S.CANCELLED, reasonRequired: false },
  { from: S.ON_HOLD, action: A.CANCEL, party: REFERRER, to: S.CANCELLED, reasonRequired: false },
  // Cancel after acceptance: either side, reason required.
  { from: S.ACCEPTED, action: A.CANCEL, party: REFERRER, to: S.CANCELLED, reasonRequired: true },
  { from: S.ACCEPTED, action: A.CANCEL, party: RECEIVER_STAFF, to: S.CANCELLED, reasonRequired: true },
  { from: S.ACCEPTED, action: A.CANCEL, party: TARGET_PROVIDER, to: S.CANCELLED, reasonRequired: true },
  { from: S.SCHEDULED, action: A.CANCEL, party: REFERRER, to: S.CANCELLED, reasonRequired: true },
  { from: S.SCHEDULED, action: A.CANCEL, party: RECEIVER_STAFF, to: S.CANCELLED, reasonRequired: true },
  { from: S.SCHEDULED, action: A.CANCEL, party: TARGET_PROVIDER, to: S.CANCELLED, reasonRequired: true },
  { from: S.IN_TREATMENT, action: A.CANCEL, party: REFERRER, to: S.CANCELLED, reasonRequired: true },
  { from: S.IN_TREATMENT, action: A.CANCEL, party: RECEIVER_STAFF, to: S.CANCELLED, reasonRequired: true },
  { from: S.IN_TREATMENT, action: A.CANCEL, party: TARGET_PROVIDER, to: S.CANCELLED, reasonRequired: true },

  // The response clock expires only a SENT referral (it pauses while ON_HOLD).
  { from: S.SENT, action: I.EXPIRE, party: SYSTEM, to: S.EXPIRED, reasonRequired: false },
  // Its reminder at half time, likewise only while SENT; it leaves the status.
  { from: S.SENT, action: I.REMIND_RECEIVER, party: SYSTEM, to: S.SENT, reasonRequired: false },

  // Schedule from ACCEPTED, and reschedule from SCHEDULED: receiver side.
  { from: S.ACCEPTED, action: A.SCHEDULE, party: RECEIVER_STAFF, to: S.SCHEDULED, reasonRequired: false },
  { from: S.ACCEPTED, action: A.SCHEDULE, party: TARGET_PROVIDER, to: S.SCHEDULED, reasonRequired: false },
  { from: S.SCHEDULED, action: A.SCHEDULE, party: RECEIVER_STAFF, to: S.SCHEDULED, reasonRequired: false },
  { from: S.SCHEDULED, action: A.SCHEDULE, party: TARGET_PROVIDER, to: S.SCHEDULED, reasonRequired: false },

  // The treatment plan: the target provider's, from acceptance until the episode ends.
  { from: S.ACCEPTED, action: I.SET_TREATMENT_PLAN, party: TARGET_PROVIDER, to: S.ACCEPTED, reasonRequired: false },
  { from: S.SCHEDULED, action: I.SET_TREATMENT_PLAN, party: TARGET_PROVIDER, to: S.SCHEDULED, reasonRequired: false },
  { from: S.IN_TREATMENT, action: I.SET_TREATMENT_PLAN, party: TARGET_PROVIDER, to: S.IN_TREATMENT, reasonRequired: false },

  // Clinical steps: the target provider alone.
  { from: S.SCHEDULED, action: A.START_TREATMENT, party: TARGET_PROVIDER, to: S.IN_TREATMENT, reasonRequired: false },
  { from: S.IN_TREATMENT, action: A.COMPLETE, party: TARGET_PROVIDER, to: S.COMPLETED, reasonRequired: false },
  // Visits (a no-show before the first attended one, any visit after it) leave the status.
  { from: S.SCHEDULED, action: I.RECORD_VISIT, party: TARGET_PROVIDER, to: S.SCHEDULED, reasonRequired: false },
  { from: S.IN_TREATMENT, action: I.RECORD_VISIT, party: TARGET_PROVIDER, to: S.IN_TREATMENT, reasonRequired: false },
  // Reporting during treatment, and referring on during it or after it, leave the status too.
  { from: S.IN_TREATMENT, action: I.SEND_PROGRESS_REPORT, party: TARGET_PROVIDER, to: S.IN_TREATMENT, reasonRequired: false },
  { from: S.IN_TREATMENT, action: I.REFER_ONWARD, party: TARGET_PROVIDER, to: S.IN_TREATMENT, reasonRequired: false },
  { from: S.COMPLETED, action: I.REFER_ONWARD, party: TARGET_PROVIDER, to: S.COMPLETED, reasonRequired: false },

  // Closing the loop does not change the status (loopClosedAt is set instead).
  { from: S.COMPLETED, action: A.ACKNOWLEDGE_OUTCOME, party: REFERRER, to: S.COMPLETED, reasonRequired: false },
  // An outcome waiting for that acknowledgement reminds the referrer, from the system.
  { from: S.COMPLETED, action: I.REMIND_OUTCOME, party: SYSTEM, to: S.COMPLETED, reasonRequired: false },
];

type Outcome =
  | { allowed: true; to: S; reasonRequired: boolean }
  | { allowed: false; why: 'NOT_YOUR_SIDE' | 'NOT_FROM_THIS_STATUS' };

function expected(facts: ReferralFacts, action: LifecycleAction, actor: readonly Party[]): Outcome {
  if (!actor.some((party) => OWNERS[action].includes(party))) return { allowed: false, why: 'NOT_YOUR_SIDE' };
  const cells = MOVES.filter((move) => move.from === facts.status && move.action === action && actor.includes(move.party));
  if (cells.length === 0) return { allowed: false, why: 'NOT_FROM_THIS_STATUS' };
  if ((action === A.ACKNOWLEDGE_OUTCOME || action === I.REMIND_OUTCOME) && facts.loopClosed) return { allowed: false, why: 'NOT_FROM_THIS_STATUS' };
  if (action === A.REDIRECT && facts.redirected) return { allowed: false, why: 'NOT_FROM_THIS_STATUS' };
  return { allowed: true, to: cells[0].to, reasonRequired: cells[0].reasonRequired };
}

/** Drops the human message so decisions compare with the table; checks the message exists. */
function summarise(decision: Decision): Outcome {
  if (decision.allowed) return { allowed: true, to: decision.to, reasonRequired: decision.reasonRequired };
  if (decision.why === 'NOT_FROM_THIS_STATUS') {
    expect(typeof decision.message).toBe('string');
    expect(decision.message.length).toBeGreaterThan(0);
  }
  return { allowed: false, why: decision.why };
}

const facts = (status: S, extra: Partial<ReferralFacts> = {}): ReferralFacts => ({
  status,
  loopClosed: false,
  redirected: false,
  ...extra,
});

describe('the hand-written table itself', () => {
  it('lists every status and action of the enums', () => {
    expect([...ALL_STATUSES].sort()).toEqual(Object.values(S).sort());
    expect([...PUBLIC_ACTIONS].sort()).toEqual(Object.values(ReferralAction).sort());
    expect([...ALL_ACTIONS].sort()).toEqual([...Object.values(ReferralAction), ...Object.values(InternalAction)].sort());
    expect(Object.keys(OWNERS).sort()).toEqual([...ALL_ACTIONS].sort());
  });

  it('gives each action its owners exactly as the allowed moves do', () => {
    for (const action of ALL_ACTIONS) {
      const movers = new Set(MOVES.filter((move) => move.action === action).map((move) => move.party));
      expect({ action, parties: [...movers].sort() }).toEqual({ action, parties: [...OWNERS[action]].sort() });
    }
  });

  it('has no duplicate or contradictory cells', () => {
    const keys = MOVES.map((move) => `${move.from}/${move.action}/${move.party}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('decide: every status × action × actor', () => {
  const flagCombos: Array<Pick<ReferralFacts, 'loopClosed' | 'redirected'>> = [
    { loopClosed: false, redirected: false },
    { loopClosed: true, redirected: false },
    { loopClosed: false, redirected: true },
    { loopClosed: true, redirected: true },
  ];

  for (const flags of flagCombos) {
    describe(`loopClosed=${flags.loopClosed} redirected=${flags.redirected}`, () => {
      const cases = ALL_STATUSES.flatMap((status) => ALL_ACTIONS.map((action) => [status, action] as const));
      it.each(cases)('%s × %s', (status, action) => {
        const referral = facts(status, flags);
        const actual: Record<string, Outcome> = {};
        const wanted: Record<string, Outcome> = {};
        for (const [label, parties] of Object.entries(ACTORS)) {
          actual[label] = summarise(decide(referral, action, new Set(parties)));
          wanted[label] = expected(referral, action, parties);
        }
        expect(actual).toEqual(wanted);
      });
    });
  }

  it('covers 10 statuses × 19 actions × 8 actor sets', () => {
    expect(ALL_STATUSES.length * ALL_ACTIONS.length * Object.keys(ACTORS).length).toBe(1520);
  });
});

describe('decide: the rules people ask about', () => {
  const decideFor = (status: S, action: LifecycleAction, ...parties: Party[]) =>
    summarise(decide(facts(status), action, new Set(parties)));

  it('walks the happy path with the right parties', () => {
    expect(decideFor(S.DRAFT, A.SEND, REFERRER)).toEqual({ allowed: true, to: S.SENT, reasonRequired: false });
    expect(decideFor(S.SENT, A.ACCEPT, TARGET_PROVIDER)).toEqual({ allowed: true, to: S.ACCEPTED, reasonRequired: false });
    expect(decideFor(S.ACCEPTED, A.SCHEDULE, RECEIVER_STAFF)).toEqual({ allowed: true, to: S.SCHEDULED, reasonRequired: false });
    expect(decideFor(S.SCHEDULED, A.START_TREATMENT, TARGET_PROVIDER)).toEqual({ allowed: true, to: S.IN_TREATMENT, reasonRequired: false });
    expect(decideFor(S.IN_TREATMENT, A.COMPLETE, TARGET_PROVIDER)).toEqual({ allowed: true, to: S.COMPLETED, reasonRequired: false });
    expect(decideFor(S.COMPLETED, A.ACKNOWLEDGE_OUTCOME, REFERRER)).toEqual({ allowed: true, to: S.COMPLETED, reasonRequired: false });
  });

  it('keeps clinical steps from receiving staff (FORBIDDEN, not INVALID_TRANSITION)', () => {
    expect(decideFor(S.SCHEDULED, A.START_TREATMENT, RECEIVER_STAFF)).toEqual({ allowed: false, why: 'NOT_YOUR_SIDE' });
    expect(decideFor(S.IN_TREATMENT, A.COMPLETE, RECEIVER_STAFF)).toEqual({ allowed: false, why: 'NOT_YOUR_SIDE' });
  });

  it('answers a side acting out of turn with NOT_FROM_THIS_STATUS', () => {
    expect(decideFor(S.ACCEPTED, A.ACCEPT, TARGET_PROVIDER)).toEqual({ allowed: false, why: 'NOT_FROM_THIS_STATUS' });
    expect(decideFor(S.ON_HOLD, A.ACCEPT, RECEIVER_STAFF)).toEqual({ allowed: false, why: 'NOT_FROM_THIS_STATUS' });
    // Receivers may cancel, but only after acceptance.
    expect(decideFor(S.SENT, A.CANCEL, TARGET_PROVIDER)).toEqual({ allowed: false, why: 'NOT_FROM_THIS_STATUS' });
    expect(decideFor(S.COMPLETED, A.CANCEL, REFERRER)).toEqual({ allowed: false, why: 'NOT_FROM_THIS_STATUS' });
    // The clock pauses while ON_HOLD.
    expect(decideFor(S.ON_HOLD, I.EXPIRE, SYSTEM)).toEqual({ allowed: false, why: 'NOT_FROM_THIS_STATUS' });
  });

  it('asks for a reason when cancelling after acceptance only', () => {
    expect(decideFor(S.SENT, A.CANCEL, REFERRER)).toEqual({ allowed: true, to: S.CANCELLED, reasonRequired: false });
    expect(decideFor(S.ACCEPTED, A.CANCEL, REFERRER)).toEqual({ allowed: true, to: S.CANCELLED, reasonRequired: true });
    expect(decideFor(S.IN_TREATMENT, A.CANCEL, TARGET_PROVIDER)).toEqual({ allowed: true, to: S.CANCELLED, reasonRequired: true });
    // A coordinator on both sides cancelling before acceptance does so as the referrer.
    expect(decideFor(S.SENT, A.CANCEL, REFERRER, RECEIVER_STAFF)).toEqual({ allowed: true, to: S.CANCELLED, reasonRequired: false });
  });

  it('names the action and status in the INVALID_TRANSITION message', () => {
    const decision = decide(facts(S.COMPLETED), A.ACCEPT, new Set([TARGET_PROVIDER]));
    expect(decision.allowed).toBe(false);
    if (!decision.allowed && decision.why === 'NOT_FROM_THIS_STATUS') expect(decision.message).toMatch(/COMPLETED/);
    else throw new Error(`unexpected decision ${JSON.stringify(decision)}`);
  });
});

describe('ACKNOWLEDGE_OUTCOME once the loop is closed', () => {
  it('is an invalid transition for the referrer', () => {
    const decision = decide(facts(S.COMPLETED, { loopClosed: true }), A.ACKNOWLEDGE_OUTCOME, new Set([REFERRER]));
    expect(decision).toMatchObject({ allowed: false, why: 'NOT_FROM_THIS_STATUS' });
    if (!decision.allowed && decision.why === 'NOT_FROM_THIS_STATUS') expect(decision.message).toMatch(/already/i);
  });

  it('is still not the receiver side’s action (FORBIDDEN wins over INVALID_TRANSITION)', () => {
    const decision = decide(facts(S.COMPLETED, { loopClosed: true }), A.ACKNOWLEDGE_OUTCOME, new Set([TARGET_PROVIDER]));
    expect(decision).toEqual({ allowed: false, why: 'NOT_YOUR_SIDE' });
  });

  it('is allowed before the loop is closed', () => {
    expect(decide(facts(S.COMPLETED), A.ACKNOWLEDGE_OUTCOME, new Set([REFERRER]))).toEqual({
      allowed: true,
      to: S.COMPLETED,
      reasonRequired: false,
    });
  });
});

describe('REDIRECT when already redirected', () => {
  it.each([S.DECLINED, S.EXPIRED])('is an invalid transition from %s', (status) => {
    const decision = decide(facts(status, { redirected: true }), A.REDIRECT, new Set([REFERRER]));
    expect(decision).toMatchObject({ allowed: false, why: 'NOT_FROM_THIS_STATUS' });
    if (!decision.allowed && decision.why === 'NOT_FROM_THIS_STATUS') expect(decision.message).toMatch(/already/i);
  });

  it.each([S.DECLINED, S.EXPIRED])('is allowed once from %s', (status) => {
    expect(decide(facts(status), A.REDIRECT, new Set([REFERRER]))).toEqual({ allowed: true, to: status, reasonRequired: false });
  });

  it('is not the receiver side’s action', () => {
    expect(decide(facts(S.DECLINED, { redirected: true }), A.REDIRECT, new Set([RECEIVER_STAFF]))).toEqual({
      allowed: false,
      why: 'NOT_YOUR_SIDE',
    });
  });
});

describe('the reason an INVALID_TRANSITION gives clients (extensions.reason)', () => {
  it('is NOT_FROM_THIS_STATUS when the side may take the action, but not from this status', () => {
    expect(decide(facts(S.COMPLETED), A.ACCEPT, new Set([TARGET_PROVIDER]))).toMatchObject({ why: 'NOT_FROM_THIS_STATUS', reason: ErrorReason.NOT_FROM_THIS_STATUS });
    expect(decide(facts(S.DECLINED, { redirected: true }), A.CANCEL, new Set([REFERRER]))).toMatchObject({ reason: ErrorReason.NOT_FROM_THIS_STATUS });
  });

  it('is ALREADY_ACKNOWLEDGED when the loop is closed already', () => {
    expect(decide(facts(S.COMPLETED, { loopClosed: true }), A.ACKNOWLEDGE_OUTCOME, new Set([REFERRER]))).toMatchObject({
      why: 'NOT_FROM_THIS_STATUS',
      reason: ErrorReason.ALREADY_ACKNOWLEDGED,
    });
  });

  it.each([S.DECLINED, S.EXPIRED])('is ALREADY_REDIRECTED when a referral %s has been redirected already', (status) => {
    expect(decide(facts(status, { redirected: true }), A.REDIRECT, new Set([REFERRER]))).toMatchObject({
      why: 'NOT_FROM_THIS_STATUS',
      reason: ErrorReason.ALREADY_REDIRECTED,
    });
  });
});

describe('availableActions', () => {
  const offered = (status: S, parties: Party[], extra: Partial<ReferralFacts> = {}) =>
    availableActions(facts(status, extra), new Set(parties));

  it.each<[string, S, Party[], Partial<ReferralFacts>, ReferralAction[]]>([
    ['referrer on a draft', S.DRAFT, [REFERRER], {}, [A.SEND, A.CANCEL]],
    ['target provider on a draft', S.DRAFT, [TARGET_PROVIDER], {}, []],
    ['referrer on a sent referral', S.SENT, [REFERRER], {}, [A.CANCEL]],
    ['receiving staff on a sent referral', S.SENT, [RECEIVER_STAFF], {}, [A.REQUEST_INFO, A.ACCEPT, A.DECLINE]],
    ['target provider on a sent referral', S.SENT, [TARGET_PROVIDER], {}, [A.REQUEST_INFO, A.ACCEPT, A.DECLINE]],
    ['coordinator on both sides of a sent referral', S.SENT, [REFERRER, RECEIVER_STAFF], {}, [A.CANCEL, A.REQUEST_INFO, A.ACCEPT, A.DECLINE]],
    ['referrer on hold', S.ON_HOLD, [REFERRER], {}, [A.CANCEL, A.PROVIDE_INFO]],
    ['target provider on hold', S.ON_HOLD, [TARGET_PROVIDER], {}, [A.DECLINE]],
    ['receiving staff on accepted', S.ACCEPTED, [RECEIVER_STAFF], {}, [A.CANCEL, A.SCHEDULE]],
    ['receiving staff on scheduled', S.SCHEDULED, [RECEIVER_STAFF], {}, [A.CANCEL, A.SCHEDULE]],
    ['target provider on scheduled', S.SCHEDULED, [TARGET_PROVIDER], {}, [A.CANCEL, A.SCHEDULE, A.START_TREATMENT]],
    ['target provider in treatment', S.IN_TREATMENT, [TARGET_PROVIDER], {}, [A.CANCEL, A.COMPLETE]],
    ['referrer in treatment', S.IN_TREATMENT, [REFERRER], {}, [A.CANCEL]],
    ['referrer on completed', S.COMPLETED, [REFERRER], {}, [A.ACKNOWLEDGE_OUTCOME]],
    ['referrer on completed, loop closed', S.COMPLETED, [REFERRER], { loopClosed: true }, []],
    ['target provider on completed', S.COMPLETED, [TARGET_PROVIDER], {}, []],
    ['referrer on declined', S.DECLINED, [REFERRER], {}, [A.REDIRECT]],
    ['referrer on declined, already redirected', S.DECLINED, [REFERRER], { redirected: true }, []],
    ['referrer on expired', S.EXPIRED, [REFERRER], {}, [A.REDIRECT]],
    ['referrer on cancelled', S.CANCELLED, [REFERRER, TARGET_PROVIDER], {}, []],
    ['the clock on a sent referral (expiry is internal)', S.SENT, [SYSTEM], {}, []],
    ['nobody', S.SENT, [], {}, []],
  ])('%s', (_label, status, parties, extra, actions) => {
    expect(offered(status, parties, extra)).toEqual(actions);
  });

  it('offers exactly the allowed public actions, in enum order, for every status × actor', () => {
    for (const status of ALL_STATUSES) {
      for (const [label, parties] of Object.entries(ACTORS)) {
        const referral = facts(status);
        const wanted = PUBLIC_ACTIONS.filter((action) => expected(referral, action, parties).allowed);
        expect({ status, label, actions: availableActions(referral, new Set(parties)) }).toEqual({ status, label, actions: wanted });
      }
    }
  });

  it('never offers EDIT or EXPIRE', () => {
    const internal: string[] = Object.values(InternalAction);
    for (const status of ALL_STATUSES) {
      const actions = availableActions(facts(status), new Set(Object.values(Party)));
      expect(actions.filter((action) => internal.includes(action))).toEqual([]);
    }
  });
});

describe('what each move writes (MoveEffect)', () => {
  const effectOf = (status: S, action: LifecycleAction, party: Party) => {
    const decision = decide(facts(status), action, new Set([party]));
    if (!decision.allowed) throw new Error(`${action} from ${status} by ${party} is not allowed`);
    return decision.effect ?? MoveEffect.NEW_VERSION;
  };

  it('leaves the referral row alone for a pass on an open referral and a referral onward: history only', () => {
    expect(effectOf(S.SENT, A.DECLINE, Party.POOL_CANDIDATE)).toBe(MoveEffect.HISTORY_ONLY);
    expect(effectOf(S.IN_TREATMENT, I.REFER_ONWARD, TARGET_PROVIDER)).toBe(MoveEffect.HISTORY_ONLY);
    expect(effectOf(S.COMPLETED, I.REFER_ONWARD, TARGET_PROVIDER)).toBe(MoveEffect.HISTORY_ONLY);
  });

  it('keeps the version for the system reminders, so an answer loaded before one still applies', () => {
    expect(effectOf(S.SENT, I.REMIND_RECEIVER, SYSTEM)).toBe(MoveEffect.SAME_VERSION);
    expect(effectOf(S.COMPLETED, I.REMIND_OUTCOME, SYSTEM)).toBe(MoveEffect.SAME_VERSION);
  });

  it('makes a new version for every other allowed move, the treatment plan included', () => {
    const quiet = new Set<string>([`${A.DECLINE}/${Party.POOL_CANDIDATE}`, `${I.REFER_ONWARD}/${TARGET_PROVIDER}`, `${I.REMIND_RECEIVER}/${SYSTEM}`, `${I.REMIND_OUTCOME}/${SYSTEM}`]);
    for (const move of MOVES) {
      if (quiet.has(`${move.action}/${move.party}`)) continue;
      expect({ ...move, effect: effectOf(move.from, move.action, move.party) }).toEqual({ ...move, effect: MoveEffect.NEW_VERSION });
    }
    expect(effectOf(S.ACCEPTED, I.SET_TREATMENT_PLAN, TARGET_PROVIDER)).toBe(MoveEffect.NEW_VERSION);
  });

  it('does not remind of an outcome already acknowledged', () => {
    expect(decide(facts(S.COMPLETED, { loopClosed: true }), I.REMIND_OUTCOME, new Set([SYSTEM]))).toMatchObject({ allowed: false, why: 'NOT_FROM_THIS_STATUS' });
  });
});

describe('ACTIVE_EPISODE', () => {
  it('is acceptance until the episode ends: where the plan is set and cancelling needs a reason', () => {
    expect([...ACTIVE_EPISODE].sort()).toEqual([S.ACCEPTED, S.IN_TREATMENT, S.SCHEDULED]);
    for (const status of ALL_STATUSES) {
      const plannable = decide(facts(status), I.SET_TREATMENT_PLAN, new Set([TARGET_PROVIDER])).allowed;
      expect({ status, plannable }).toEqual({ status, plannable: ACTIVE_EPISODE.includes(status) });
    }
  });
});

describe('availableEpisodeActions', () => {
  const provider = new Set([Party.TARGET_PROVIDER]);
  it("offers the treating provider each episode step exactly where the table allows it", () => {
    expect(availableEpisodeActions(facts(S.ACCEPTED), provider)).toEqual([EpisodeAction.SET_TREATMENT_PLAN]);
    expect(availableEpisodeActions(facts(S.SCHEDULED), provider)).toEqual([EpisodeAction.SET_TREATMENT_PLAN, EpisodeAction.RECORD_VISIT]);
    expect(availableEpisodeActions(facts(S.IN_TREATMENT), provider)).toEqual(Object.values(EpisodeAction));
    expect(availableEpisodeActions(facts(S.COMPLETED), provider)).toEqual([EpisodeAction.REFER_ONWARD]);
  });

  it('offers nothing to the referrer or the receiving staff, in any status', () => {
    for (const status of Object.values(S)) {
      expect(availableEpisodeActions(facts(status), new Set([Party.REFERRER, Party.RECEIVER_STAFF]))).toEqual([]);
    }
  });

  it('names only moves of the table', () => {
    for (const action of Object.values(EpisodeAction)) expect(Object.values(InternalAction)).toContain(action);
  });
});
