import { randomUUID } from 'node:crypto';
import { AuditEntry } from './support/audit-entry';
import { backdateReferral } from './support/backdate';
import { SET_PLAN, RECORD_VISIT } from './support/episode-operations';
import { appointmentIn, createPatient, readReferral, Referral, referralInput, runReferralMutation } from './support/fixtures';
import { expectOutcome, FhirClient } from './support/fhir-client';
import { fhirValidationErrors } from './support/fhir-validation';
import { useWorld } from './support/file-setup';
import { AUDIT_ENTRIES } from './support/operations';
import { World } from './support/world';

/*
 * The main journey in FHIR: a referral with its assessment, accepted, planned, treated over
 * visits (one missed), completed with its outcome and acknowledged. Each step's resources are
 * read as an EHR would (reads, searches, $everything), every one of them validated by both
 * validators, and checked against the numbers written here.
 */

const DAY = 24 * 3_600_000;
/** Whole seconds, so that the times sent and the times read back compare exactly. */
const NOW = Math.floor(Date.now() / 1000) * 1000;
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();

const SNOMED = 'http://snomed.info/sct';
const LATERALITY = 'https://referloop.org/fhir/StructureDefinition/laterality';
const UCUM = 'http://unitsofmeasure.org';
const GOAL_ACHIEVEMENT = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
const GOAL_ATTAINMENT = 'https://referloop.org/fhir/CodeSystem/goal-attainment';

const ASSESSMENT = {
  postureNotes: 'Rounded shoulders',
  rangeOfMotion: [
    { joint: 'SHOULDER', movement: 'FLEXION', side: 'LEFT', measuredDegrees: 110, expectedDegrees: 180, painScore: 6 },
    { joint: 'cervical spine', movement: 'rotation', side: 'RIGHT', measuredDegrees: 50, expectedDegrees: 80, painScore: null },
  ],
};
const SHORT_TERM_GOALS = [
  { description: 'Left shoulder flexion to 125°', targetVisit: 1, measure: 'goniometer, standing' },
  { description: 'Pain at most 3/10 reaching overhead', targetVisit: 3, measure: null },
  { description: 'Neck rotation to 75°', targetVisit: 4, measure: 'goniometer, seated' },
];
/*
 *  visit  days ago  attended  findings                                   pain  goals met
 *    1       20       yes     L shoulder flexion 125 (pain 4)             5     1
 *    2       13       NO      –                                           –     –
 *    3        6       yes     L shoulder flexion 150; R neck rotation 70   3     2
 */
const VISITS = [
  { at: daysAgo(20), attended: true, rangeOfMotion: [{ ...ASSESSMENT.rangeOfMotion[0], measuredDegrees: 125, painScore: 4 }], painScore: 5, shortTermGoalsMet: [1] },
  { at: daysAgo(13), attended: false, rangeOfMotion: [], painScore: null, shortTermGoalsMet: [] },
  {
    at: daysAgo(6),
    attended: true,
    rangeOfMotion: [
      { ...ASSESSMENT.rangeOfMotion[0], measuredDegrees: 150, painScore: null },
      { ...ASSESSMENT.rangeOfMotion[1], measuredDegrees: 70 },
    ],
    painScore: 3,
    shortTermGoalsMet: [2],
  },
];
const OUTCOME = {
  summary: 'Flexion to 165°, neck rotation to 72°; independent with a home programme.',
  goalsMet: 'PARTIALLY_MET',
  visitsUsed: 2,
  finalRangeOfMotion: [{ ...ASSESSMENT.rangeOfMotion[0], measuredDegrees: 165, painScore: 1 }],
  shortTermGoals: [
    { position: 1, attainment: 'MET', note: null },
    { position: 2, attainment: 'PARTIALLY_MET', note: 'Some days 4/10' },
    { position: 3, attainment: 'NOT_MET', note: null },
  ],
  recommendations: [{ text: 'Monthly maintenance massage', suggestedModality: 'MASSAGE' }],
};

/** Every actor of the world, and whether GraphQL lets them read a referral and a patient. */
type Who = { name: string; token: string | undefined; graphql: World['platformAdmin'] };
const everyone = (world: World): Who[] => [
  { name: 'platformAdmin', token: world.platformAdmin.token, graphql: world.platformAdmin },
  ...(['adminA', 'coordinatorA', 'referringProvider', 'adminB', 'coordinatorB', 'targetProvider', 'alternateProvider', 'coordinatorC', 'unrelatedProvider'] as const).map((name) => ({
    name,
    token: world[name].client.token,
    graphql: world[name].client,
  })),
];

describe('FHIR R4: the main journey, from the assessment to the outcome, and $everything', () => {
  const { app, world, db } = useWorld();
  const as = (actor: { client: { token?: string } }) => new FhirClient(app.baseUrl, actor.client.token);
  const referrer = () => as(world.coordinatorA);
  const provider = () => as(world.targetProvider);
  let patientId: string;
  let referral: Referral;
  let id: string;
  const visitIds: string[] = [];

  beforeAll(async () => {
    patientId = (await createPatient(world.coordinatorA.client, world.clinicA.id)).id;
    const draft = await runReferralMutation(world.coordinatorA.client, 'createReferral', {
      ...referralInput(patientId, world.targetProvider.providerId, { assessment: ASSESSMENT, techniques: ['STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY'] }),
      idempotencyKey: randomUUID(),
    });
    id = draft.id;
    await runReferralMutation(world.coordinatorA.client, 'sendReferral', { id });
    // The visits go back three weeks, and none may come before the referral was sent.
    await backdateReferral(db, id, 30);
    await runReferralMutation(world.targetProvider.client, 'acceptReferral', { id });
    await runReferralMutation(world.targetProvider.client, 'scheduleReferral', { id, appointmentAt: appointmentIn(1) });
    await world.targetProvider.client.ok(SET_PLAN, {
      input: { referralId: id, longTermGoal: 'Pain-free overhead reach', shortTermGoals: SHORT_TERM_GOALS, plannedVisits: 4, visitsPerWeek: 1, techniques: ['STRENGTHENING_EXERCISE', 'KINESIO_TAPING'] },
    });
    for (const visit of VISITS) {
      const data = await world.targetProvider.client.ok<{ recordVisit: { id: string } }>(RECORD_VISIT, { input: { referralId: id, techniquesUsed: [], notes: null, ...visit } });
      visitIds.push(data.recordVisit.id);
    }
    referral = await readReferral(world.coordinatorA.client, id);
  });

  describe('in treatment', () => {
    it('makes each measurement of the assessment an Observation: degrees in UCUM, body site and side, the expected range; pain by LOINC', async () => {
      const flexion = await referrer().ok(`Observation/a-${id}-1-rom`);
      expect(flexion).toEqual({
        resourceType: 'Observation',
        id: `a-${id}-1-rom`,
        meta: { lastUpdated: referral.sentAt },
        basedOn: [{ reference: `ServiceRequest/${id}` }],
        status: 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'exam', display: 'Exam' }] }],
        code: { coding: [{ system: 'https://referloop.org/fhir/CodeSystem/observation', code: 'range-of-motion', display: 'Joint range of motion' }], text: 'Left shoulder flexion range of motion' },
        subject: { reference: `Patient/${patientId}` },
        effectiveDateTime: referral.createdAt,
        performer: [{ reference: `Organization/${world.clinicA.id}` }],
        valueQuantity: { value: 110, unit: 'deg', system: UCUM, code: 'deg' },
        referenceRange: [{ low: { value: 180, unit: 'deg', system: UCUM, code: 'deg' }, text: 'Expected: 180°' }],
        bodySite: { extension: [{ url: LATERALITY, valueCodeableConcept: { coding: [{ system: SNOMED, code: '419161000', display: 'Unilateral left' }] } }], text: 'Left shoulder' },
      });
      expect(await referrer().ok(`Observation/a-${id}-1-pain`)).toMatchObject({
        category: [{ coding: [{ code: 'survey' }] }],
        code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }], text: 'Pain during left shoulder flexion (0-10)' },
        valueInteger: 6,
        bodySite: { text: 'Left shoulder' },
      });
      expect(await referrer().ok(`Observation/a-${id}-2-rom`)).toMatchObject({
        code: { text: 'Right cervical spine rotation range of motion' },
        valueQuantity: { value: 50 },
        bodySite: { extension: [{ valueCodeableConcept: { coding: [{ code: '419465000', display: 'Unilateral right' }] } }], text: 'Right cervical spine' },
      });
      // The neck was measured without a pain score: there is no such Observation.
      expectOutcome(await referrer().get(`Observation/a-${id}-2-pain`), 404, 'not-found');
      expectOutcome(await referrer().get(`Observation/a-${id}-9-rom`), 404, 'not-found');
    });

    it('lists every measurement of the referral in order, finds them by category, code, date and patient, and pages through them', async () => {
      const [first, , third] = visitIds;
      const all = await provider().ids(`Observation?based-on=ServiceRequest/${id}`);
      // The assessment, then each visit in order (its own pain score, then its findings), each range of motion before its pain.
      expect(all).toEqual([
        `a-${id}-1-rom`, `a-${id}-1-pain`, `a-${id}-2-rom`,
        `v-${first}-pain`, `v-${first}-1-rom`, `v-${first}-1-pain`,
        `v-${third}-pain`, `v-${third}-1-rom`, `v-${third}-2-rom`,
      ]);
      expect(await provider().ids(`Observation?based-on=${id}&_count=2`)).toEqual(all);
      expect(await provider().ids(`Observation?patient=${patientId}&category=survey`)).toEqual([`a-${id}-1-pain`, `v-${first}-pain`, `v-${first}-1-pain`, `v-${third}-pain`]);
      expect(await provider().ids(`Observation?patient=${patientId}&code=http://loinc.org|72514-3&date=ge${daysAgo(7).slice(0, 10)}`)).toEqual([`v-${third}-pain`]);
      expect(await provider().ids(`Observation?patient=${patientId}&code=range-of-motion&date=lt${daysAgo(25).slice(0, 10)}`)).toEqual([`a-${id}-1-rom`, `a-${id}-2-rom`]);
      expect(await provider().ids(`Observation?patient=${patientId}&status=final&_id=v-${third}-2-rom,a-${id}-1-pain`)).toEqual([`a-${id}-1-pain`, `v-${third}-2-rom`]);
      expect(await provider().ids(`Observation?patient=${patientId}&status=amended`)).toEqual([]);
      const visit = await provider().ok(`Observation/v-${first}-pain`);
      expect(visit).toMatchObject({ valueInteger: 5, effectiveDateTime: VISITS[0].at, performer: [{ reference: `PractitionerRole/${world.targetProvider.providerId}` }], code: { text: 'Pain at the visit (0-10)' } });
      expect(visit.bodySite).toBeUndefined();
    });

    it('shows the plan as a CarePlan with its activities, and its goals as Goals, met or in progress', async () => {
      const plan = await referrer().ok(`CarePlan/${id}`);
      const goals = [`Goal/${id}-long-term`, `Goal/${id}-short-term-1`, `Goal/${id}-short-term-2`, `Goal/${id}-short-term-3`].map((reference) => ({ reference }));
      expect(plan).toMatchObject({
        status: 'active',
        intent: 'plan',
        title: 'Physical therapy treatment plan',
        subject: { reference: `Patient/${patientId}` },
        author: { reference: `PractitionerRole/${world.targetProvider.providerId}` },
        supportingInfo: [{ reference: `ServiceRequest/${id}` }],
        goal: goals,
        activity: [
          { detail: { code: { coding: [{ code: '65' }, { code: 'PHYSICAL_THERAPY' }] }, status: 'in-progress', goal: goals, scheduledTiming: { repeat: { count: 4, frequency: 1, period: 1, periodUnit: 'wk' } } } },
          { detail: { code: { coding: [{ code: 'STRENGTHENING_EXERCISE' }] }, status: 'in-progress' } },
          { detail: { code: { coding: [{ code: 'KINESIO_TAPING' }] }, status: 'in-progress' } },
        ],
      });
      const found = await referrer().search(`Goal?patient=${patientId}`);
      expect(found.map((goal) => [goal.id, goal.lifecycleStatus, goal.achievementStatus?.coding[0].code ?? null, goal.description.text])).toEqual([
        [`${id}-long-term`, 'active', 'in-progress', 'Pain-free overhead reach'],
        [`${id}-short-term-1`, 'active', 'achieved', 'Left shoulder flexion to 125°'],
        [`${id}-short-term-2`, 'active', 'achieved', 'Pain at most 3/10 reaching overhead'],
        [`${id}-short-term-3`, 'active', 'in-progress', 'Neck rotation to 75°'],
      ]);
      expect(found[1]).toMatchObject({
        target: [{ measure: { text: 'goniometer, standing' } }],
        expressedBy: { reference: `PractitionerRole/${world.targetProvider.providerId}` },
        addresses: [{ reference: `ServiceRequest/${id}` }],
        note: [{ text: 'Short-term goal 1, to be met by visit 1' }],
      });
      expect(found[2].target).toBeUndefined();
      expect(await referrer().ids(`Goal?_id=${id}-short-term-3&lifecycle-status=active`)).toEqual([`${id}-short-term-3`]);
      expect(await referrer().ids(`CarePlan?patient=${patientId}&status=completed`)).toEqual([]);
      expectOutcome(await referrer().get(`Goal/${id}-short-term-4`), 404, 'not-found');
      // The Task points at the plan and at every visit's measurements so far.
      const task = await referrer().ok(`Task/${id}`);
      expect(task.output.filter((output: any) => output.type.coding[0].code !== 'visit-measurement').map((output: any) => output.type.coding[0].code)).toEqual(['appointment', 'treatment-plan']);
      expect(task.output.filter((output: any) => output.type.coding[0].code === 'visit-measurement')).toHaveLength(6);
    });
  });

  describe('completed, and the loop closed', () => {
    beforeAll(async () => {
      await runReferralMutation(world.targetProvider.client, 'completeReferral', { id, outcome: OUTCOME });
      await runReferralMutation(world.coordinatorA.client, 'acknowledgeReferralOutcome', { id });
      referral = await readReferral(world.coordinatorA.client, id);
    });

    it('returns the outcome to the referrer as Task.output: the visits’ Observations, the summary, goals, final measurements, recommendation', async () => {
      const task = await referrer().ok(`Task/${id}`);
      expect(task).toMatchObject({ status: 'completed', businessStatus: { coding: [{ code: '7.0' }, { code: 'COMPLETED' }] } });
      const [first, , third] = visitIds;
      const outputs = task.output.map((output: any) => [output.type.coding[0].code, output.valueReference?.reference ?? output.valueString ?? output.valueInteger ?? output.valueCodeableConcept?.text ?? output.valueDateTime]);
      expect(outputs).toEqual([
        ['appointment', referral.appointmentAt],
        ['treatment-plan', `CarePlan/${id}`],
        ...[`v-${first}-pain`, `v-${first}-1-rom`, `v-${first}-1-pain`, `v-${third}-pain`, `v-${third}-1-rom`, `v-${third}-2-rom`].map((obs) => ['visit-measurement', `Observation/${obs}`]),
        ['outcome-summary', OUTCOME.summary],
        ['goals-met', 'Partially met'],
        ['visits-used', 2],
        ['final-measurement', `Observation/o-${id}-1-rom`],
        ['final-measurement', `Observation/o-${id}-1-pain`],
        ['recommendation', 'Monthly maintenance massage (suggested: massage therapy)'],
        ['outcome-acknowledged', referral.loopClosedAt],
      ]);
      // Every Observation the Task names is there to read.
      for (const output of task.output.filter((candidate: any) => candidate.valueReference)) await referrer().ok(output.valueReference.reference);
      expect(await referrer().ok(`Observation/o-${id}-1-rom`)).toMatchObject({ valueQuantity: { value: 165 }, effectiveDateTime: referral.completedAt, meta: { lastUpdated: referral.completedAt } });
    });

    it('reports each goal as the outcome did, and completes the plan', async () => {
      const goals = await referrer().search(`Goal?patient=${patientId}&lifecycle-status=completed`);
      expect(goals.map((goal) => [goal.id, goal.achievementStatus.coding])).toEqual([
        [`${id}-long-term`, [{ system: GOAL_ATTAINMENT, code: 'PARTIALLY_MET', display: 'Partially met' }]],
        [`${id}-short-term-1`, [{ system: GOAL_ACHIEVEMENT, code: 'achieved', display: 'Achieved' }, { system: GOAL_ATTAINMENT, code: 'MET', display: 'Met' }]],
        [`${id}-short-term-2`, [{ system: GOAL_ATTAINMENT, code: 'PARTIALLY_MET', display: 'Partially met' }]],
        [`${id}-short-term-3`, [{ system: GOAL_ACHIEVEMENT, code: 'not-achieved', display: 'Not Achieved' }, { system: GOAL_ATTAINMENT, code: 'NOT_MET', display: 'Not met' }]],
      ]);
      const plan = await referrer().ok(`CarePlan/${id}`);
      expect(plan).toMatchObject({ status: 'completed', period: { end: referral.completedAt } });
      expect(plan.activity.map((activity: any) => activity.detail.status)).toEqual(['completed', 'completed', 'completed']);
    });

    it('answers $everything with the referral and everything it refers to, every reference resolved within the Bundle', async () => {
      for (const client of [referrer(), provider(), as(world.coordinatorB)]) {
        const bundle = await client.ok(`ServiceRequest/${id}/$everything`);
        expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'self', url: expect.stringMatching(new RegExp(`/fhir/R4/ServiceRequest/${id}/\\$everything$`)) }] });
        expect(bundle.entry[0]).toMatchObject({ search: { mode: 'match' }, resource: { resourceType: 'ServiceRequest', id } });
        const keys: string[] = bundle.entry.map((entry: any) => `${entry.resource.resourceType}/${entry.resource.id}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const entry of bundle.entry) expect(entry.fullUrl).toMatch(new RegExp(`/fhir/R4/${entry.resource.resourceType}/${entry.resource.id}$`));
        const count = (type: string) => keys.filter((key) => key.startsWith(`${type}/`)).length;
        expect({
          Task: count('Task'), CarePlan: count('CarePlan'), Goal: count('Goal'), Observation: count('Observation'), Patient: count('Patient'),
          PractitionerRole: count('PractitionerRole'), Practitioner: count('Practitioner'), Organization: count('Organization'),
        }).toEqual({ Task: 1, CarePlan: 1, Goal: 4, Observation: 3 + 6 + 2, Patient: 1, PractitionerRole: 1, Practitioner: 1, Organization: 2 });
        // Whatever any entry refers to is in the Bundle: an EHR imports it whole.
        const references = new Set<string>(JSON.stringify(bundle).match(/"reference":"[^"]+"/g)!.map((match) => match.slice(13, -1)));
        expect([...references].filter((reference) => !keys.includes(reference))).toEqual([]);
      }
    });

    it('has validators that fail: each catches what the other cannot, in a resource and in a Bundle entry', async () => {
      const task = await referrer().ok(`Task/${id}`);
      const observation = await referrer().ok(`Observation/a-${id}-1-rom`);
      // A status outside its required value set: only FHIR.js checks codes.
      const badStatus = fhirValidationErrors({ ...task, status: 'finished' });
      expect(badStatus.map((error) => [error.validator, error.location])).toEqual([['fhir.js', 'Task.status']]);
      // A reference range with no bound and no text breaks invariant obs-3: only Medplum evaluates invariants.
      const badRange = fhirValidationErrors({ ...observation, referenceRange: [{}] });
      expect(badRange.map((error) => error.validator)).toContain('medplum');
      expect(badRange.find((error) => error.validator === 'medplum')?.message).toMatch(/obs-3/);
      // A missing required element and an element R4 does not have: both see those.
      const { intent: _intent, owner, ...withoutIntent } = task;
      const broken = fhirValidationErrors({ ...withoutIntent, assignee: owner });
      expect(new Set(broken.map((error) => error.validator))).toEqual(new Set(['medplum', 'fhir.js']));
      // In a Bundle, an entry broken on its own is caught too.
      const bundle = await referrer().ok(`ServiceRequest/${id}/$everything`);
      bundle.entry[1].resource = { ...bundle.entry[1].resource, status: 'finished' };
      expect(fhirValidationErrors(bundle).some((error) => error.resource === `${bundle.entry[1].resource.resourceType}/${bundle.entry[1].resource.id}`)).toBe(true);
    });

    it('audits $everything as one read of the referral and its patient', async () => {
      const entries = async () =>
        (await world.platformAdmin.ok<{ auditEntries: { edges: Array<{ node: AuditEntry }> } }>(AUDIT_ENTRIES, { filter: { referralId: id, actorId: world.coordinatorB.id }, first: 100 })).auditEntries.edges.map(
          (edge) => edge.node,
        );
      const before = new Set((await entries()).map((entry) => entry.id));
      await as(world.coordinatorB).ok(`ServiceRequest/${id}/$everything`);
      const added = (await entries()).filter((entry) => !before.has(entry.id));
      expect(added.map((entry) => [entry.operation, entry.referralIds, entry.patientIds])).toEqual([['fhir ServiceRequest/$everything', [id], [patientId]]]);
    });
  });

  describe('tenancy and roles: FHIR decides as GraphQL does', () => {
    it('shows each actor the referral, its episode and its patient exactly when GraphQL does; the directory to everyone', async () => {
      const bundle = await referrer().ok(`ServiceRequest/${id}/$everything`);
      const resources: Array<{ resourceType: string; id: string }> = bundle.entry.map((entry: any) => entry.resource);
      const directory = ['Practitioner', 'PractitionerRole', 'Organization'];
      for (const who of everyone(world)) {
        const fhir = new FhirClient(app.baseUrl, who.token);
        const seesReferral = !(await who.graphql.request('query($id: ID!) { referral(id: $id) { id } }', { id })).errors;
        const seesPatient = !(await who.graphql.request('query($id: ID!) { patient(id: $id) { id } }', { id: patientId })).errors;
        for (const resource of resources) {
          const visible = directory.includes(resource.resourceType) || (resource.resourceType === 'Patient' ? seesPatient : seesReferral);
          const response = await fhir.get(`${resource.resourceType}/${resource.id}`);
          expect({ who: who.name, resource: `${resource.resourceType}/${resource.id}`, status: response.status }).toEqual({
            who: who.name,
            resource: `${resource.resourceType}/${resource.id}`,
            status: visible ? 200 : 404,
          });
          if (!visible) expectOutcome(response, 404, 'not-found');
        }
        for (const type of ['ServiceRequest', 'Task', 'Observation', 'CarePlan', 'Goal']) {
          const found = await fhir.ids(`${type}?patient=${patientId}`);
          expect({ who: who.name, type, found: found.length > 0 }).toEqual({ who: who.name, type, found: seesReferral });
        }
        expect({ who: who.name, patients: (await fhir.ids(`Patient?_id=${patientId}`)).length }).toEqual({ who: who.name, patients: seesPatient ? 1 : 0 });
        const everything = await fhir.get(`ServiceRequest/${id}/$everything`);
        expect({ who: who.name, status: everything.status }).toEqual({ who: who.name, status: seesReferral ? 200 : 404 });
      }
      // The bystanders' view, spelled out: another clinic's coordinator and provider see none of it.
      for (const outsider of [world.coordinatorC, world.unrelatedProvider]) {
        for (const type of ['ServiceRequest', 'Task', 'Observation', 'CarePlan', 'Goal']) {
          const all = await as(outsider).ids(`${type}?_count=100`);
          expect(all.filter((found) => found.includes(id) || visitIds.some((visit) => found.includes(visit)))).toEqual([]);
        }
      }
    });
  });
});
