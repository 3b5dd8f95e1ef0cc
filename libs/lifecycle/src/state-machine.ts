import { ErrorReason, TransitionReason } from '@referloop/core';
import { EpisodeAction, InternalAction, LifecycleAction, Party, ReferralAction, ReferralStatus as S } from './referral-status';

/**
 * What a move writes besides its history entry. Every write to a referral is a move of this
 * table, run by the same `move`: this says how far it reaches.
 */
export enum MoveEffect {
  /** The referral's columns and a new version: a client holding the old version must reload. */
  NEW_VERSION = 'NEW_VERSION',
  /**
   * Columns only the system keeps (when a reminder went out), the version unchanged: a person's
   * answer loaded before the reminder still applies, and nobody is told the referral changed.
   */
  SAME_VERSION = 'SAME_VERSION',
  /**
   * Only the history entry: a provider's pass on an open referral, which the rest of the pool
   * must still be able to claim at the version they loaded; a referral onward from an episode,
   * whose referrer must still be able to acknowledge the outcome they loaded.
   */
  HISTORY_ONLY = 'HISTORY_ONLY',
}

/**
 * The referral lifecycle, in one table. Every mutation asks `decide` and every
 * `availableActions` list is derived from the same rows, so the rules live only here.
 * `to: null` means the status does not change (acknowledging an outcome, an episode's steps,
 * the reminders) or, for REDIRECT, that the move creates a new referral instead.
 */
export interface Rule {
  action: LifecycleAction;
  from: readonly S[];
  to: S | null;
  parties: readonly Party[];
  /** Whether a free-text reason must accompany the move. */
  reasonRequired: boolean;
  /** NEW_VERSION unless said. */
  effect?: MoveEffect;
  /** A fact of the referral that rules the move out even from a listed status, and the words for it. */
  notOnceDone?: { fact: OnceDoneFact; message: string; reason: TransitionReason };
}

/**
 * An episode is active from acceptance until it ends: a treatment plan is set then, the
 * provider counts it among their active episodes, and cancelling it needs a reason.
 */
export const ACTIVE_EPISODE: readonly S[] = [S.ACCEPTED, S.SCHEDULED, S.IN_TREATMENT];

const RECEIVER = [Party.RECEIVER_STAFF, Party.TARGET_PROVIDER] as const;
const EITHER_SIDE = [Party.REFERRER, Party.RECEIVER_STAFF, Party.TARGET_PROVIDER] as const;
const ACKNOWLEDGED = { fact: 'loopClosed', message: 'The outcome has already been acknowledged', reason: ErrorReason.ALREADY_ACKNOWLEDGED } as const;

export const LIFECYCLE: readonly Rule[] = [
  { action: InternalAction.EDIT, from: [S.DRAFT], to: S.DRAFT, parties: [Party.REFERRER], reasonRequired: false },
  { action: ReferralAction.SEND, from: [S.DRAFT], to: S.SENT, parties: [Party.REFERRER], reasonRequired: false },
  { action: ReferralAction.REQUEST_INFO, from: [S.SENT], to: S.ON_HOLD, parties: RECEIVER, reasonRequired: true },
  { action: ReferralAction.PROVIDE_INFO, from: [S.ON_HOLD], to: S.SENT, parties: [Party.REFERRER], reasonRequired: true },
  // An open referral is claimed by accepting it: the first candidate to do so becomes its target.
  { action: ReferralAction.ACCEPT, from: [S.SENT], to: S.ACCEPTED, parties: [...RECEIVER, Party.POOL_CANDIDATE], reasonRequired: false },
  { action: ReferralAction.DECLINE, from: [S.SENT, S.ON_HOLD], to: S.DECLINED, parties: RECEIVER, reasonRequired: false },
  // A candidate's decline of an open referral is a pass, for them alone: the referral stays SENT for the rest.
  { action: ReferralAction.DECLINE, from: [S.SENT], to: null, parties: [Party.POOL_CANDIDATE], reasonRequired: false, effect: MoveEffect.HISTORY_ONLY },
  {
    action: ReferralAction.REDIRECT, from: [S.DECLINED, S.EXPIRED], to: null, parties: [Party.REFERRER], reasonRequired: false,
    notOnceDone: { fact: 'redirected', message: 'This referral has already been redirected', reason: ErrorReason.ALREADY_REDIRECTED },
  },
  // Before acceptance only the referrer withdraws a referral, and needs no reason.
  { action: ReferralAction.CANCEL, from: [S.DRAFT, S.SENT, S.ON_HOLD], to: S.CANCELLED, parties: [Party.REFERRER], reasonRequired: false },
  // After acceptance care has begun to be arranged: either side may stop it, and must say why.
  { action: ReferralAction.CANCEL, from: ACTIVE_EPISODE, to: S.CANCELLED, parties: EITHER_SIDE, reasonRequired: true },
  // The response clock: a reminder at half time, the expiry at the deadline.
  { action: InternalAction.REMIND_RECEIVER, from: [S.SENT], to: null, parties: [Party.SYSTEM], reasonRequired: false, effect: MoveEffect.SAME_VERSION },
  { action: InternalAction.EXPIRE, from: [S.SENT], to: S.EXPIRED, parties: [Party.SYSTEM], reasonRequired: false },
  // Each change of the plan is a new version of the referral too: it is part of what the referral shows.
  { action: InternalAction.SET_TREATMENT_PLAN, from: ACTIVE_EPISODE, to: null, parties: [Party.TARGET_PROVIDER], reasonRequired: false },
  { action: ReferralAction.SCHEDULE, from: [S.ACCEPTED, S.SCHEDULED], to: S.SCHEDULED, parties: RECEIVER, reasonRequired: false },
  { action: ReferralAction.START_TREATMENT, from: [S.SCHEDULED], to: S.IN_TREATMENT, parties: [Party.TARGET_PROVIDER], reasonRequired: false },
  // The first attended visit is START_TREATMENT; every other visit, and a no-show, leaves the status.
  { action: InternalAction.RECORD_VISIT, from: [S.SCHEDULED, S.IN_TREATMENT], to: null, parties: [Party.TARGET_PROVIDER], reasonRequired: false },
  { action: InternalAction.SEND_PROGRESS_REPORT, from: [S.IN_TREATMENT], to: null, parties: [Party.TARGET_PROVIDER], reasonRequired: false },
  // Onward care is often decided at the end of an episode, so a completed one may still refer on.
  { action: InternalAction.REFER_ONWARD, from: [S.IN_TREATMENT, S.COMPLETED], to: null, parties: [Party.TARGET_PROVIDER], reasonRequired: false, effect: MoveEffect.HISTORY_ONLY },
  { action: ReferralAction.COMPLETE, from: [S.IN_TREATMENT], to: S.COMPLETED, parties: [Party.TARGET_PROVIDER], reasonRequired: false },
  { action: ReferralAction.ACKNOWLEDGE_OUTCOME, from: [S.COMPLETED], to: null, parties: [Party.REFERRER], reasonRequired: false, notOnceDone: ACKNOWLEDGED },
  // An outcome left unacknowledged too long reminds its referrer, once.
  {
    action: InternalAction.REMIND_OUTCOME, from: [S.COMPLETED], to: null, parties: [Party.SYSTEM], reasonRequired: false,
    effect: MoveEffect.SAME_VERSION, notOnceDone: ACKNOWLEDGED,
  },
];

/** Facts about the referral beyond its status that some moves depend on. */
export interface ReferralFacts {
  status: S;
  loopClosed: boolean;
  redirected: boolean;
}

/** The facts a once-only move settles: after it, the move is not open again. */
export type OnceDoneFact = Exclude<keyof ReferralFacts, 'status'>;

export type Decision =
  /** `effect` is absent for NEW_VERSION, the usual case. */
  | { allowed: true; to: S; reasonRequired: boolean; effect?: MoveEffect }
  /** None of the caller's parties may ever take this action: FORBIDDEN. */
  | { allowed: false; why: 'NOT_YOUR_SIDE' }
  /** The caller's side may take it, but not from this status: INVALID_TRANSITION. */
  | { allowed: false; why: 'NOT_FROM_THIS_STATUS'; message: string; reason: TransitionReason };

const shares = (parties: readonly Party[], actor: ReadonlySet<Party>) => parties.some((party) => actor.has(party));

/** The rule that lets one of the actor's parties take the action from the status, if any. */
export const ruleFor = (status: S, action: LifecycleAction, actor: ReadonlySet<Party>): Rule | undefined =>
  LIFECYCLE.find((rule) => rule.action === action && rule.from.includes(status) && shares(rule.parties, actor));

export function decide(facts: ReferralFacts, action: LifecycleAction, actor: ReadonlySet<Party>): Decision {
  if (!LIFECYCLE.some((rule) => rule.action === action && shares(rule.parties, actor))) return { allowed: false, why: 'NOT_YOUR_SIDE' };

  const rule = ruleFor(facts.status, action, actor);
  if (!rule) {
    return { allowed: false, why: 'NOT_FROM_THIS_STATUS', message: `Cannot ${describeAction(action)}: the referral is ${facts.status}`, reason: ErrorReason.NOT_FROM_THIS_STATUS };
  }
  if (rule.notOnceDone && facts[rule.notOnceDone.fact]) {
    return { allowed: false, why: 'NOT_FROM_THIS_STATUS', message: rule.notOnceDone.message, reason: rule.notOnceDone.reason };
  }
  return { allowed: true, to: rule.to ?? facts.status, reasonRequired: rule.reasonRequired, ...(rule.effect && { effect: rule.effect }) };
}

/** The actions offered to a viewer now, in the contract's enum order. */
export function availableActions(facts: ReferralFacts, actor: ReadonlySet<Party>): ReferralAction[] {
  return Object.values(ReferralAction).filter((action) => decide(facts, action, actor).allowed);
}

/** The episode steps offered to a viewer now, derived like availableActions. */
export function availableEpisodeActions(facts: ReferralFacts, actor: ReadonlySet<Party>): EpisodeAction[] {
  return Object.values(EpisodeAction).filter((action) => decide(facts, action as unknown as InternalAction, actor).allowed);
}

/** An action in words for messages: REQUEST_INFO → "request info". */
export function describeAction(action: LifecycleAction): string {
  return action.toLowerCase().replace(/_/g, ' ');
}

/** Whether a move is still open for a party: what makes an email that asks for it still worth sending. */
export const stillOpen = (facts: ReferralFacts, action: LifecycleAction, party: Party): boolean => decide(facts, action, new Set([party])).allowed;
