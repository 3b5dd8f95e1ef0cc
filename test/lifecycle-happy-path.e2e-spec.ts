import { Referral, appointmentIn, outcomeInput, readReferral, referralInput, runReferralMutation } from './support/fixtures';
import { sorted } from './support/expectations';
import { createDraft } from './support/world';
import { useWorld } from './support/file-setup';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('referral lifecycle: the full happy path as the right users', () => {
  const { world } = useWorld();

  /** Status changes only (creation and same-status events such as acknowledge left out). */
  const statusChanges = (referral: Referral) =>
    referral.events.filter((event) => event.fromStatus && event.fromStatus !== event.toStatus).map((e) => `${e.fromStatus}->${e.toStatus}`);

  it('goes DRAFT → SENT → ACCEPTED → SCHEDULED → IN_TREATMENT → COMPLETED → loop closed', async () => {
    const coordinatorA = world.coordinatorA.client;
    const coordinatorB = world.coordinatorB.client;
    const provider = world.targetProvider.client;

    const draft = await createDraft(world);
    expect(draft).toMatchObject({
      status: 'DRAFT',
      modality: 'PHYSICAL_THERAPY',
      conditions: ['SHOULDER_PAIN'],
      patient: { id: world.patient.id },
      referringClinic: { id: world.clinicA.id },
      referringUser: { id: world.coordinatorA.id },
      toProvider: { id: world.targetProvider.providerId },
      sentAt: null,
      dueAt: null,
      loopClosedAt: null,
    });
    expect(draft.reference).toMatch(/^RF-[A-Z0-9]{6}$/);
    expect(sorted(draft.availableActions)).toEqual(sorted(['SEND', 'CANCEL']));

    const sent = await runReferralMutation(coordinatorA, 'sendReferral', { id: draft.id, expectedVersion: draft.version });
    expect(sent.status).toBe('SENT');
    expect(sent.version).toBe(draft.version + 1);
    expect(sent.sentAt).toMatch(ISO_UTC);
    expect(sent.dueAt).toMatch(ISO_UTC);
    expect(Date.parse(sent.dueAt!)).toBeGreaterThan(Date.parse(sent.sentAt!));
    expect(sent.availableActions).toEqual(['CANCEL']);
    expect(sorted((await readReferral(provider, sent.id)).availableActions)).toEqual(sorted(['ACCEPT', 'DECLINE', 'REQUEST_INFO']));
    expect(sorted((await readReferral(coordinatorB, sent.id)).availableActions)).toEqual(sorted(['ACCEPT', 'DECLINE', 'REQUEST_INFO']));

    const accepted = await runReferralMutation(provider, 'acceptReferral', { id: sent.id, note: 'Can start next week', expectedVersion: sent.version });
    expect(accepted.status).toBe('ACCEPTED');
    expect(accepted.version).toBe(sent.version + 1);
    expect(accepted.respondedAt).toMatch(ISO_UTC);
    expect(sorted(accepted.availableActions)).toEqual(sorted(['SCHEDULE', 'CANCEL']));
    expect((await readReferral(coordinatorA, sent.id)).availableActions).toEqual(['CANCEL']);

    // The receiving clinic's coordinator books the first appointment.
    const appointmentAt = appointmentIn(4);
    const scheduled = await runReferralMutation(coordinatorB, 'scheduleReferral', { id: sent.id, appointmentAt, expectedVersion: accepted.version });
    expect(scheduled.status).toBe('SCHEDULED');
    expect(scheduled.version).toBe(accepted.version + 1);
    expect(scheduled.appointmentAt).toBe(appointmentAt);
    expect(sorted(scheduled.availableActions)).toEqual(sorted(['SCHEDULE', 'CANCEL']));
    expect(sorted((await readReferral(provider, sent.id)).availableActions)).toEqual(sorted(['SCHEDULE', 'START_TREATMENT', 'CANCEL']));

    // Rescheduling stays SCHEDULED and moves the appointment.
    const rescheduledAt = appointmentIn(5);
    const rescheduled = await runReferralMutation(provider, 'scheduleReferral', { id: sent.id, appointmentAt: rescheduledAt, expectedVersion: scheduled.version });
    expect(rescheduled).toMatchObject({ status: 'SCHEDULED', version: scheduled.version + 1, appointmentAt: rescheduledAt });

    const treating = await runReferralMutation(provider, 'startReferralTreatment', { id: sent.id, expectedVersion: rescheduled.version });
    expect(treating.status).toBe('IN_TREATMENT');
    expect(treating.version).toBe(rescheduled.version + 1);
    expect(treating.treatmentStartedAt).toMatch(ISO_UTC);
    expect(sorted(treating.availableActions)).toEqual(sorted(['COMPLETE', 'CANCEL']));

    const completed = await runReferralMutation(provider, 'completeReferral', { id: sent.id, outcome: outcomeInput(), expectedVersion: treating.version });
    expect(completed.status).toBe('COMPLETED');
    expect(completed.version).toBe(treating.version + 1);
    expect(completed.completedAt).toMatch(ISO_UTC);
    expect(completed.loopClosedAt).toBeNull();
    expect(completed.availableActions).toEqual([]);
    expect((await readReferral(coordinatorA, sent.id)).availableActions).toEqual(['ACKNOWLEDGE_OUTCOME']);

    const closed = await runReferralMutation(coordinatorA, 'acknowledgeReferralOutcome', { id: sent.id, expectedVersion: completed.version });
    expect(closed.status).toBe('COMPLETED');
    expect(closed.version).toBe(completed.version + 1);
    expect(closed.loopClosedAt).toMatch(ISO_UTC);
    expect(closed.availableActions).toEqual([]);

    // Timestamps are kept, in order.
    const final = await readReferral(coordinatorA, sent.id);
    const order = ['sentAt', 'respondedAt', 'treatmentStartedAt', 'completedAt', 'loopClosedAt'] as const;
    for (const field of order) expect(final[field]).toMatch(ISO_UTC);
    const times = order.map((field) => Date.parse(final[field]!));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // Events: append-only, oldest first, one per move.
    expect(statusChanges(final)).toEqual([
      'DRAFT->SENT',
      'SENT->ACCEPTED',
      'ACCEPTED->SCHEDULED',
      'SCHEDULED->IN_TREATMENT',
      'IN_TREATMENT->COMPLETED',
    ]);
    const eventTimes = final.events.map((event) => Date.parse(event.at));
    expect(eventTimes).toEqual([...eventTimes].sort((a, b) => a - b));
    for (const event of final.events) expect(event.at).toMatch(ISO_UTC);
    // reschedule (SCHEDULED→SCHEDULED) and acknowledge are recorded too, after the moves they follow
    expect(final.events.filter((e) => e.fromStatus === 'SCHEDULED' && e.toStatus === 'SCHEDULED')).toHaveLength(1);
    expect(final.events.length).toBeGreaterThanOrEqual(7);
    const actorOf = (from: string, to: string) => final.events.find((e) => e.fromStatus === from && e.toStatus === to)?.actor?.id;
    expect(actorOf('DRAFT', 'SENT')).toBe(world.coordinatorA.id);
    expect(actorOf('SENT', 'ACCEPTED')).toBe(world.targetProvider.id);
    expect(actorOf('ACCEPTED', 'SCHEDULED')).toBe(world.coordinatorB.id);
    expect(actorOf('IN_TREATMENT', 'COMPLETED')).toBe(world.targetProvider.id);
  });

  it('creates and sends in one step with send: true', async () => {
    const sent = await createDraft(world, { send: true });
    expect(sent.status).toBe('SENT');
    expect(sent.sentAt).toMatch(ISO_UTC);
    expect(sent.dueAt).toMatch(ISO_UTC);
    expect(statusChanges(sent)).toEqual(['DRAFT->SENT']);
  });

  it('gives an URGENT referral a shorter response window than a ROUTINE one', async () => {
    const routine = await createDraft(world, { send: true, priority: 'ROUTINE' });
    const urgent = await createDraft(world, { send: true, priority: 'URGENT' });
    const window = (r: Referral) => Date.parse(r.dueAt!) - Date.parse(r.sentAt!);
    expect(window(urgent)).toBeLessThan(window(routine));
  });

  it('lets the receiving coordinator accept, and still keeps the clinical steps for the target provider', async () => {
    const sent = await createDraft(world, { send: true });
    const accepted = await runReferralMutation(world.coordinatorB.client, 'acceptReferral', { id: sent.id });
    expect(accepted.status).toBe('ACCEPTED');
    const scheduled = await runReferralMutation(world.targetProvider.client, 'scheduleReferral', { id: sent.id, appointmentAt: appointmentIn(2) });
    expect(scheduled.status).toBe('SCHEDULED');
    expect(sorted(scheduled.availableActions)).toEqual(sorted(['SCHEDULE', 'START_TREATMENT', 'CANCEL']));
    expect(sorted((await readReferral(world.coordinatorB.client, sent.id)).availableActions)).toEqual(sorted(['SCHEDULE', 'CANCEL']));
  });

  it('lets the referring provider create and send a referral of their own', async () => {
    const { referringProvider } = world;
    const sent = await runReferralMutation(referringProvider.client, 'createReferral', {
      ...referralInput(world.patient.id, world.targetProvider.providerId, { send: true }),
    });
    expect(sent).toMatchObject({ status: 'SENT', referringUser: { id: referringProvider.id }, referringClinic: { id: world.clinicA.id } });
    expect(sent.availableActions).toEqual(['CANCEL']);
  });
});
