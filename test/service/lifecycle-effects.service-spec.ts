import { ReferralRow } from '@referloop/referrals';
import { ReferralRepository } from '../support/referrals-internals';
import { expectOneChain } from '../support/history';
import { appointmentIn, outcomeInput } from '../support/inputs';
import { Move, STATES } from '../support/lifecycle-moves';
import { Cast, referralInState, runMutation, useServices } from '../support/services';
import type { ReachableState } from '../support/world';

/**
 * What a move of the lifecycle leaves behind, on the services: the referral's version goes up
 * by one, its history gains one entry (the event, the statuses, the actor) chained to the ones
 * before, and the outbox the emails that move calls for, to whom. Over HTTP, the emails
 * themselves are checked in notifications-per-transition.e2e-spec.ts.
 */
type Kind = 'PATIENT' | 'PROVIDER' | 'REFERRER';

interface Effect {
  label: string;
  from: ReachableState;
  by: keyof Cast;
  mutation: Move['mutation'];
  input: (referral: { id: string }) => Record<string, unknown>;
  event: string;
  to: string;
  emails: Array<[Kind, string]>;
}

const EFFECTS: Effect[] = [
  { label: 'sending', from: 'DRAFT', by: 'coordinatorA', mutation: 'sendReferral', input: (r) => ({ id: r.id }), event: 'SENT', to: 'SENT', emails: [['PATIENT', 'REFERRAL_SENT'], ['PROVIDER', 'REFERRAL_SENT']] },
  { label: 'asking a question', from: 'SENT', by: 'targetProvider', mutation: 'requestReferralInfo', input: (r) => ({ id: r.id, question: 'Any imaging?' }), event: 'INFO_REQUESTED', to: 'ON_HOLD', emails: [['REFERRER', 'INFO_REQUESTED']] },
  { label: 'answering it', from: 'ON_HOLD', by: 'coordinatorA', mutation: 'provideReferralInfo', input: (r) => ({ id: r.id, answer: 'X-ray clear.' }), event: 'INFO_PROVIDED', to: 'SENT', emails: [['PROVIDER', 'INFO_PROVIDED']] },
  { label: 'accepting', from: 'SENT', by: 'targetProvider', mutation: 'acceptReferral', input: (r) => ({ id: r.id }), event: 'ACCEPTED', to: 'ACCEPTED', emails: [['PATIENT', 'REFERRAL_ACCEPTED'], ['REFERRER', 'REFERRAL_ACCEPTED']] },
  { label: 'declining', from: 'SENT', by: 'targetProvider', mutation: 'declineReferral', input: (r) => ({ id: r.id, reason: 'NO_CAPACITY' }), event: 'DECLINED', to: 'DECLINED', emails: [['PATIENT', 'REFERRAL_DECLINED'], ['REFERRER', 'REFERRAL_DECLINED']] },
  { label: 'scheduling', from: 'ACCEPTED', by: 'targetProvider', mutation: 'scheduleReferral', input: (r) => ({ id: r.id, appointmentAt: appointmentIn(3) }), event: 'SCHEDULED', to: 'SCHEDULED', emails: [['PATIENT', 'APPOINTMENT_SCHEDULED']] },
  { label: 'starting treatment', from: 'SCHEDULED', by: 'targetProvider', mutation: 'startReferralTreatment', input: (r) => ({ id: r.id }), event: 'TREATMENT_STARTED', to: 'IN_TREATMENT', emails: [] },
  { label: 'completing', from: 'IN_TREATMENT', by: 'targetProvider', mutation: 'completeReferral', input: (r) => ({ id: r.id, outcome: outcomeInput() }), event: 'COMPLETED', to: 'COMPLETED', emails: [['PATIENT', 'REFERRAL_COMPLETED'], ['REFERRER', 'REFERRAL_COMPLETED']] },
  { label: 'acknowledging the outcome', from: 'COMPLETED', by: 'coordinatorA', mutation: 'acknowledgeReferralOutcome', input: (r) => ({ id: r.id }), event: 'OUTCOME_ACKNOWLEDGED', to: 'COMPLETED', emails: [] },
  { label: 'cancelling a draft', from: 'DRAFT', by: 'coordinatorA', mutation: 'cancelReferral', input: (r) => ({ id: r.id }), event: 'CANCELLED', to: 'CANCELLED', emails: [] },
  { label: 'cancelling before acceptance', from: 'SENT', by: 'coordinatorA', mutation: 'cancelReferral', input: (r) => ({ id: r.id }), event: 'CANCELLED', to: 'CANCELLED', emails: [['PATIENT', 'REFERRAL_CANCELLED'], ['PROVIDER', 'REFERRAL_CANCELLED']] },
  { label: 'cancelling after acceptance, the referrer', from: 'ACCEPTED', by: 'coordinatorA', mutation: 'cancelReferral', input: (r) => ({ id: r.id, reason: 'Patient moved' }), event: 'CANCELLED', to: 'CANCELLED', emails: [['PATIENT', 'REFERRAL_CANCELLED'], ['PROVIDER', 'REFERRAL_CANCELLED']] },
  { label: 'cancelling after acceptance, the receiving provider', from: 'ACCEPTED', by: 'targetProvider', mutation: 'cancelReferral', input: (r) => ({ id: r.id, reason: 'Patient moved' }), event: 'CANCELLED', to: 'CANCELLED', emails: [['PATIENT', 'REFERRAL_CANCELLED'], ['REFERRER', 'REFERRAL_CANCELLED']] },
  {
    label: "cancelling after acceptance, the receiving clinic's coordinator",
    from: 'ACCEPTED',
    by: 'coordinatorB',
    mutation: 'cancelReferral',
    input: (r) => ({ id: r.id, reason: 'Patient moved' }),
    event: 'CANCELLED',
    to: 'CANCELLED',
    emails: [['PATIENT', 'REFERRAL_CANCELLED'], ['PROVIDER', 'REFERRAL_CANCELLED'], ['REFERRER', 'REFERRAL_CANCELLED']],
  },
];

describe('referral lifecycle on the services: what each move leaves behind', () => {
  const services = useServices();

  const history = async (id: string) => (await services.get(ReferralRepository).eventsFor([id])).get(id) ?? [];
  const outbox = async (id: string) =>
    (await services.db.query<Array<{ id: string; recipient_kind: Kind; template: string }>>(
      'SELECT id, recipient_kind, template FROM notifications WHERE referral_id = $1',
      [id],
    )) as Array<{ id: string; recipient_kind: Kind; template: string }>;
  const byKind = (emails: Array<[Kind, string]>) => [...emails].sort(([a], [b]) => a.localeCompare(b));

  it.each(EFFECTS.map((effect) => [effect.label, effect] as const))('%s: one version, one history entry by its actor, its emails in the outbox', async (_label, effect) => {
    const before: ReferralRow = await referralInState(services, effect.from);
    const [eventsBefore, rowsBefore] = [await history(before.id), await outbox(before.id)];

    await runMutation(services, effect.mutation, services.actors[effect.by], { ...effect.input(before), expectedVersion: before.version });

    const after = (await services.get(ReferralRepository).findVisible(services.actors.platformAdmin, before.id)) as ReferralRow;
    expect({ status: after.status, version: after.version }).toEqual({ status: effect.to, version: before.version + 1 });
    const added = (await history(before.id)).slice(eventsBefore.length);
    expect(added.map(({ type, fromStatus, toStatus, actorId }) => ({ type, fromStatus, toStatus, actorId }))).toEqual([
      { type: effect.event, fromStatus: before.status, toStatus: effect.to, actorId: services.actors[effect.by].userId },
    ]);
    const written = (await outbox(before.id)).filter((row) => !rowsBefore.some((old) => old.id === row.id));
    expect(byKind(written.map((row): [Kind, string] => [row.recipient_kind, row.template]))).toEqual(byKind(effect.emails));
  });

  it.each(STATES)('the history of a %s referral is one chain from its creation to its status, one version per change', async (state) => {
    const referral = await referralInState(services, state);
    const changes = expectOneChain(await history(referral.id), referral.status);
    expect(referral.version).toBe(1 + changes.length);
  });
});
