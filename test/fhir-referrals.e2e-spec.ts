import { ResponseClock } from '@referloop/referrals';
import { AuditEntry } from './support/audit-entry';
import { createPatient, readReferral, Referral, runReferralMutation } from './support/fixtures';
import { expectOutcome, FhirClient } from './support/fhir-client';
import { useWorld } from './support/file-setup';
import { AUDIT_ENTRIES } from './support/operations';
import { createDraft, ReachableState, referralIn } from './support/world';

const BSER = 'http://hl7.org/fhir/us/bser/CodeSystem/TaskBusinessStatusCS';
const REFERRAL_STATUS = 'https://referloop.org/fhir/CodeSystem/referral-status';
const REFERENCE = 'https://referloop.org/fhir/sid/referral-reference';

type State = ReachableState | 'EXPIRED';

/**
 * What each state of the lifecycle is in FHIR, written out here by hand (the code derives it
 * from its own table; this is what that table must say): the ServiceRequest's status, the
 * Task's, and BSeR's business status (STU1) where it has one; the referral's own status is
 * always coded too.
 */
const IN_FHIR: Record<State, { status: string; serviceRequest: string; task: string; bser: string | null }> = {
  DRAFT: { status: 'DRAFT', serviceRequest: 'draft', task: 'draft', bser: null },
  SENT: { status: 'SENT', serviceRequest: 'active', task: 'requested', bser: '2.0' },
  ON_HOLD: { status: 'ON_HOLD', serviceRequest: 'on-hold', task: 'on-hold', bser: null },
  ACCEPTED: { status: 'ACCEPTED', serviceRequest: 'active', task: 'accepted', bser: '3.0' },
  DECLINED: { status: 'DECLINED', serviceRequest: 'revoked', task: 'rejected', bser: '4.0' },
  SCHEDULED: { status: 'SCHEDULED', serviceRequest: 'active', task: 'accepted', bser: null },
  IN_TREATMENT: { status: 'IN_TREATMENT', serviceRequest: 'active', task: 'in-progress', bser: '5.x' },
  COMPLETED: { status: 'COMPLETED', serviceRequest: 'completed', task: 'completed', bser: '7.0' },
  LOOP_CLOSED: { status: 'COMPLETED', serviceRequest: 'completed', task: 'completed', bser: '7.0' },
  CANCELLED: { status: 'CANCELLED', serviceRequest: 'revoked', task: 'cancelled', bser: '6.0' },
  EXPIRED: { status: 'EXPIRED', serviceRequest: 'revoked', task: 'failed', bser: null },
};

describe('FHIR R4: referrals as ServiceRequest and their workflow as Task', () => {
  const { app, world, db } = useWorld();
  const as = (actor: { client: { token?: string } }) => new FhirClient(app.baseUrl, actor.client.token);
  let patientId: string;
  const byState = new Map<State, Referral>();

  beforeAll(async () => {
    patientId = (await createPatient(world.coordinatorA.client, world.clinicA.id)).id;
    for (const state of Object.keys(IN_FHIR) as State[]) {
      if (state === 'EXPIRED') continue;
      byState.set(state, await referralIn(world, state, { patientId }));
    }
    // Its deadline passes and the response clock's own expiry runs, in the gateway's process.
    const sent = await referralIn(world, 'SENT', { patientId });
    await db.query(`UPDATE referrals SET due_at = now() - interval '1 minute' WHERE id = $1`, [sent.id]);
    const { clock_seq: clockSeq } = (await db.query<{ clock_seq: number }>('SELECT clock_seq FROM referrals WHERE id = $1', [sent.id])).rows[0];
    await app.app.get(ResponseClock).expire(sent.id, clockSeq);
    byState.set('EXPIRED', await readReferral(world.coordinatorA.client, sent.id));
  });

  it('maps every status of the lifecycle to ServiceRequest.status, Task.status and Task.businessStatus', async () => {
    const referrer = as(world.coordinatorA);
    for (const [state, expected] of Object.entries(IN_FHIR) as Array<[State, (typeof IN_FHIR)[State]]>) {
      const referral = byState.get(state) as Referral;
      const request = await referrer.ok(`ServiceRequest/${referral.id}`);
      const task = await referrer.ok(`Task/${referral.id}`);
      const ownCoding = { system: REFERRAL_STATUS, code: expected.status, display: expect.any(String) };
      expect({ state, serviceRequest: request.status, task: task.status, businessStatus: task.businessStatus.coding }).toEqual({
        state,
        serviceRequest: expected.serviceRequest,
        task: expected.task,
        businessStatus: expected.bser ? [{ system: BSER, version: '1.0.0', code: expected.bser, display: expect.any(String) }, ownCoding] : [ownCoding],
      });
    }
  });

  it('writes the referral’s content into the ServiceRequest: identifier, modality, techniques, conditions, visits, notes, parties, assessment', async () => {
    const referral = byState.get('ACCEPTED') as Referral;
    const response = await as(world.coordinatorA).get(`ServiceRequest/${referral.id}`);
    expect(response.headers.get('etag')).toBe(`W/"${referral.version}"`);
    const request = await as(world.coordinatorA).ok(`ServiceRequest/${referral.id}`);
    expect(request).toEqual({
      resourceType: 'ServiceRequest',
      id: referral.id,
      meta: { versionId: String(referral.version), lastUpdated: expect.stringMatching(/Z$/) },
      identifier: [{ use: 'official', system: REFERENCE, value: referral.reference }],
      status: 'active',
      intent: 'order',
      priority: 'routine',
      code: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/service-type', code: '65', display: 'Physiotherapy' },
          { system: 'https://referloop.org/fhir/CodeSystem/modality', code: 'PHYSICAL_THERAPY', display: 'Physical therapy' },
        ],
        text: 'Physical therapy',
      },
      orderDetail: [{ coding: [{ system: 'https://referloop.org/fhir/CodeSystem/technique', code: 'STRENGTHENING_EXERCISE', display: 'Strengthening exercise' }], text: 'Strengthening exercise' }],
      occurrenceTiming: { repeat: { count: 6, frequency: 1, period: 1, periodUnit: 'wk' } },
      subject: { reference: `Patient/${patientId}` },
      authoredOn: referral.sentAt,
      requester: { reference: `Organization/${world.clinicA.id}` },
      performer: [{ reference: `PractitionerRole/${world.targetProvider.providerId}` }],
      reasonCode: [{ coding: [{ system: 'https://referloop.org/fhir/CodeSystem/condition', code: 'SHOULDER_PAIN', display: 'Shoulder pain' }], text: 'Shoulder pain' }],
      // The assessment's one finding: its range of motion, and its pain score.
      supportingInfo: [{ reference: `Observation/a-${referral.id}-1-rom` }, { reference: `Observation/a-${referral.id}-1-pain` }],
      note: [
        { text: 'Limited shoulder flexion after six weeks of orthopedic massage; needs strengthening.' },
        { text: 'Posture: Forward head posture, elevated left shoulder.' },
        { text: 'Long-term goal: Full pain-free overhead reach. Short-term goals: Flexion to 150 degrees; Pain at most 2/10.' },
      ],
    });
    // A provider who refers is the requester, as their role at their clinic.
    const other = await createPatient(world.coordinatorA.client, world.clinicA.id);
    const own = await runReferralMutation(world.referringProvider.client, 'createReferral', {
      patientId: other.id, toProviderId: world.targetProvider.providerId, modality: 'PHYSICAL_THERAPY', conditions: ['NECK_PAIN'], reason: 'Neck strengthening', consentToShare: true, priority: 'URGENT',
    });
    expect(await as(world.referringProvider).ok(`ServiceRequest/${own.id}`)).toMatchObject({
      status: 'draft',
      priority: 'urgent',
      requester: { reference: `PractitionerRole/${world.referringProvider.providerId}` },
    });
  });

  it('tells in the Task who owes the next step, why it stopped, and what it produced', async () => {
    const referrer = as(world.coordinatorA);
    const scheduled = await referrer.ok(`Task/${byState.get('SCHEDULED')!.id}`);
    expect(scheduled).toMatchObject({
      identifier: [{ system: REFERENCE, value: byState.get('SCHEDULED')!.reference }],
      basedOn: [{ reference: `ServiceRequest/${byState.get('SCHEDULED')!.id}` }],
      focus: { reference: `ServiceRequest/${byState.get('SCHEDULED')!.id}` },
      for: { reference: `Patient/${patientId}` },
      intent: 'order',
      code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill' }] },
      requester: { reference: `Organization/${world.clinicA.id}` },
      owner: { reference: `PractitionerRole/${world.targetProvider.providerId}` },
      output: [{ type: { coding: [{ code: 'appointment' }] }, valueDateTime: byState.get('SCHEDULED')!.appointmentAt }],
    });
    const declined = await referrer.ok(`Task/${byState.get('DECLINED')!.id}`);
    expect(declined.statusReason).toEqual({
      coding: [{ system: 'https://referloop.org/fhir/CodeSystem/decline-reason', code: 'NO_CAPACITY', display: 'No capacity' }],
      text: 'No capacity',
    });
    expect((await referrer.ok(`Task/${byState.get('CANCELLED')!.id}`)).statusReason).toEqual({ text: 'Patient moved away' });
    expect((await referrer.ok(`Task/${byState.get('EXPIRED')!.id}`)).statusReason).toEqual({ text: 'Not answered within the response window' });

    const closed = byState.get('LOOP_CLOSED') as Referral;
    const task = await referrer.ok(`Task/${closed.id}`);
    expect(task.executionPeriod).toEqual({ start: closed.treatmentStartedAt, end: closed.completedAt });
    const outputs = task.output.map((output: any) => [output.type.coding[0].code, output.valueString ?? output.valueInteger ?? output.valueDateTime ?? output.valueReference?.reference ?? output.valueCodeableConcept?.coding.map((coding: any) => coding.code)]);
    expect(outputs).toEqual([
      ['appointment', closed.appointmentAt],
      ['outcome-summary', 'Flexion restored to 170 degrees; independent with home programme.'],
      ['goals-met', ['achieved', 'MET']],
      ['visits-used', 6],
      ['final-measurement', `Observation/o-${closed.id}-1-rom`],
      ['final-measurement', `Observation/o-${closed.id}-1-pain`],
      ['outcome-acknowledged', closed.loopClosedAt],
    ]);
  });

  it('searches by identifier (any case), patient, status, business status, performer, focus and _lastUpdated, in SQL, paging with _count', async () => {
    const referrer = as(world.coordinatorA);
    const accepted = byState.get('ACCEPTED') as Referral;
    expect(await referrer.ids(`ServiceRequest?identifier=${accepted.reference.toLowerCase()}`)).toEqual([accepted.id]);
    expect(await referrer.ids(`Task?identifier=${REFERENCE}|${accepted.reference}`)).toEqual([accepted.id]);
    expect(await referrer.ids(`ServiceRequest?identifier=http://other.example|${accepted.reference}`)).toEqual([]);

    const all = await referrer.ids(`ServiceRequest?patient=Patient/${patientId}`);
    expect(all.slice().sort()).toEqual([...byState.values()].map((referral) => referral.id).sort());
    // Newest first, page after page, each once.
    const paged = await referrer.ids(`ServiceRequest?patient=${patientId}&_count=3`);
    expect(paged).toEqual(await referrer.ids(`ServiceRequest?patient=${patientId}&_count=100`));
    expect(paged[0]).toBe(byState.get('EXPIRED')!.id);

    const ofStatuses = (...states: State[]) => states.map((state) => byState.get(state)!.id).sort();
    expect((await referrer.ids(`ServiceRequest?patient=${patientId}&status=revoked`)).sort()).toEqual(ofStatuses('DECLINED', 'CANCELLED', 'EXPIRED'));
    expect((await referrer.ids(`ServiceRequest?patient=${patientId}&status=draft,on-hold`)).sort()).toEqual(ofStatuses('DRAFT', 'ON_HOLD'));
    expect((await referrer.ids(`Task?patient=${patientId}&status=accepted`)).sort()).toEqual(ofStatuses('ACCEPTED', 'SCHEDULED'));
    expect((await referrer.ids(`Task?patient=${patientId}&status=failed`)).sort()).toEqual(ofStatuses('EXPIRED'));
    expect((await referrer.ids(`Task?patient=${patientId}&business-status=${BSER}|7.0`)).sort()).toEqual(ofStatuses('COMPLETED', 'LOOP_CLOSED'));
    expect((await referrer.ids(`Task?patient=${patientId}&business-status=ON_HOLD`)).sort()).toEqual(ofStatuses('ON_HOLD'));
    expect(await referrer.ids(`Task?patient=${patientId}&business-status=${BSER}|ON_HOLD`)).toEqual([]);
    expectOutcome(await referrer.get('Task?status=active'), 400, 'value', /'status': 'active' is not one of draft, requested/);
    expectOutcome(await referrer.get('ServiceRequest?status=requested'), 400, 'value', /'status'/);

    expect(await referrer.ids(`Task?focus=ServiceRequest/${accepted.id}`)).toEqual([accepted.id]);
    expect(await referrer.ids(`Task?based-on=${accepted.id}&status=accepted`)).toEqual([accepted.id]);
    const toTarget = await referrer.ids(`ServiceRequest?patient=${patientId}&performer=PractitionerRole/${world.targetProvider.providerId}`);
    expect(toTarget).toEqual(all);
    expect(await referrer.ids(`ServiceRequest?patient=${patientId}&performer=Practitioner/${world.alternateProvider.providerId}`)).toEqual([]);
    expect((await referrer.ids(`Task?patient=${patientId}&owner=Organization/${world.clinicB.id}`)).sort()).toEqual(all.slice().sort());

    const updated = new Date((await referrer.ok(`ServiceRequest/${accepted.id}`)).meta.lastUpdated);
    const at = (date: Date) => encodeURIComponent(date.toISOString());
    expect(await referrer.ids(`ServiceRequest?_id=${accepted.id}&_lastUpdated=${at(updated)}`)).toEqual([accepted.id]);
    expect(await referrer.ids(`ServiceRequest?_id=${accepted.id}&_lastUpdated=gt${at(updated)}`)).toEqual([]);
    expect(await referrer.ids(`ServiceRequest?_id=${accepted.id}&_lastUpdated=ge${at(updated)}&_lastUpdated=lt${at(new Date(updated.getTime() + 1))}`)).toEqual([accepted.id]);
    expect(await referrer.ids(`Task?_id=${accepted.id}&_lastUpdated=le${updated.toISOString().slice(0, 10)}`)).toEqual([accepted.id]);
  });

  it('shows each side what GraphQL shows it: drafts only to the referrer, nothing to another clinic, and only the linked referrals the caller may see', async () => {
    const draft = byState.get('DRAFT') as Referral;
    const sent = byState.get('SENT') as Referral;
    for (const receiver of [world.targetProvider, world.coordinatorB]) {
      expectOutcome(await as(receiver).get(`ServiceRequest/${draft.id}`), 404, 'not-found');
      expectOutcome(await as(receiver).get(`Task/${draft.id}`), 404, 'not-found');
      expect((await as(receiver).ok(`Task/${sent.id}`)).status).toBe('requested');
      expect(await as(receiver).ids(`ServiceRequest?patient=${patientId}&status=draft`)).toEqual([]);
    }
    for (const outsider of [world.coordinatorC, world.unrelatedProvider, world.alternateProvider]) {
      expectOutcome(await as(outsider).get(`ServiceRequest/${sent.id}`), 404, 'not-found');
      expectOutcome(await as(outsider).get(`Task/${sent.id}`), 404, 'not-found');
      expect(await as(outsider).ids(`ServiceRequest?patient=${patientId}`)).toEqual([]);
      expect(await as(outsider).ids(`Task?identifier=${sent.reference}`)).toEqual([]);
    }
    expect((await as({ client: world.platformAdmin }).ids(`ServiceRequest?identifier=${draft.reference}`))).toEqual([draft.id]);

    // A redirect replaces the declined referral, for whoever may see that one.
    const other = { patientId: (await createPatient(world.coordinatorA.client, world.clinicA.id)).id };
    const declined = await runReferralMutation(world.targetProvider.client, 'declineReferral', {
      id: (await runReferralMutation(world.coordinatorA.client, 'sendReferral', { id: (await createDraft(world, other)).id })).id,
      reason: 'NO_CAPACITY',
    });
    const redirected = await runReferralMutation(world.coordinatorA.client, 'redirectReferral', { id: declined.id, toProviderId: world.alternateProvider.providerId });
    expect((await as(world.coordinatorA).ok(`ServiceRequest/${redirected.id}`)).replaces).toEqual([{ reference: `ServiceRequest/${declined.id}` }]);
    const seenByNewTarget = await as(world.alternateProvider).ok(`ServiceRequest/${redirected.id}`);
    expect(seenByNewTarget.replaces).toBeUndefined();
    expect(seenByNewTarget.performer).toEqual([{ reference: `PractitionerRole/${world.alternateProvider.providerId}` }]);
  });

  it('audits each referral shown with its patient, as GraphQL does', async () => {
    const referral = byState.get('IN_TREATMENT') as Referral;
    const entries = async () =>
      (await world.platformAdmin.ok<{ auditEntries: { edges: Array<{ node: AuditEntry }> } }>(AUDIT_ENTRIES, { filter: { referralId: referral.id }, first: 100 })).auditEntries.edges.map(
        (edge) => edge.node,
      );
    const before = new Set((await entries()).map((entry) => entry.id));
    await as(world.targetProvider).ok(`Task/${referral.id}`);
    await as(world.coordinatorA).search(`ServiceRequest?identifier=${referral.reference}`);
    await as(world.coordinatorC).get(`ServiceRequest/${referral.id}`);
    const added = (await entries()).filter((entry) => !before.has(entry.id));
    expect(added.map((entry) => [entry.operation, entry.actorId, entry.referralIds, entry.patientIds]).sort()).toEqual([
      ['fhir read Task', world.targetProvider.id, [referral.id], [patientId]],
      ['fhir search ServiceRequest', world.coordinatorA.id, [referral.id], [patientId]],
    ]);
  });
});
