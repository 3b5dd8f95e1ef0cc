import { randomUUID } from 'node:crypto';
import type { AuditEntry } from './support/audit-entry';
import { readReferral, referralInput, runReferralMutation } from './support/fixtures';
import { expectOutcome, FhirClient, type FhirResponse } from './support/fhir-client';
import { ehrOrder, patientResource, sendingTask, serviceRequest, SYSTEMS, transaction, urn } from './support/fhir-posts';
import { expectValidFhir } from './support/fhir-validation';
import { useWorld } from './support/file-setup';
import { AUDIT_ENTRIES } from './support/operations';

const CREATE_WEBHOOK_ENDPOINT = `mutation createWebhookEndpoint($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`;

/** The tables a create writes to: a refused one must leave each as it was. */
const WRITTEN_TABLES = ['referrals', 'referral_events', 'patients', 'notifications', 'webhook_events', 'webhook_deliveries'] as const;

/*
 * Creating referrals through FHIR: POST ServiceRequest for a patient the clinic has, and a
 * transaction Bundle that registers the patient with it and may send it at once. Both must do
 * what createReferral does (its rules, its idempotency, its emails and webhook events), answer
 * resources both validators accept and that a GET then reads the same, and refuse a bad resource
 * with 400 or 422 naming the element, writing nothing.
 */
describe('FHIR R4: creating referrals (POST ServiceRequest, transaction Bundle)', () => {
  const { app, world, db } = useWorld({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on' } });
  const as = (actor: { client: { token?: string } }) => new FhirClient(app.baseUrl, actor.client.token);
  const patientRef = () => ({ reference: `Patient/${world.patient.id}` });

  const counts = async (): Promise<Record<string, number>> => {
    const counted: Record<string, number> = {};
    for (const table of WRITTEN_TABLES) counted[table] = Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    return counted;
  };
  const referralRow = async (id: string) => (await db.query('SELECT * FROM referrals WHERE id = $1', [id])).rows[0];

  /** A create that must answer `status` with a resource both validators accept; the resource. */
  const created = (response: FhirResponse, status: 200 | 201): any => {
    expect({ status: response.status, issue: response.body.issue }).toEqual({ status, issue: undefined });
    expectValidFhir(response.body);
    return response.body;
  };

  describe('POST ServiceRequest', () => {
    it('creates a draft for a patient the clinic has: 201, Location, and the ServiceRequest as a GET then reads it', async () => {
      const response = await as(world.coordinatorA).post('ServiceRequest', serviceRequest(patientRef(), world.targetProvider.providerId));
      const request = created(response, 201);
      expect(response.headers.get('location')).toMatch(new RegExp(`/fhir/R4/ServiceRequest/${request.id}$`));
      expect(response.headers.get('etag')).toBe('W/"1"');
      expect(await as(world.coordinatorA).ok(`ServiceRequest/${request.id}`)).toEqual(request);
      expect(request).toMatchObject({
        status: 'draft',
        intent: 'order',
        priority: 'urgent',
        subject: patientRef(),
        performer: [{ reference: `PractitionerRole/${world.targetProvider.providerId}` }],
        requester: { reference: `Organization/${world.clinicA.id}` },
        occurrenceTiming: { repeat: { count: 8, frequency: 2, period: 1, periodUnit: 'wk' } },
        note: [{ text: 'Rotator cuff strain after a fall; please strengthen.' }, { text: 'Red flags: Anticoagulated.' }],
      });
      // The referral GraphQL shows, with every field the ServiceRequest said.
      const referral = await readReferral(world.coordinatorA.client, request.id);
      expect(referral).toMatchObject({
        status: 'DRAFT',
        priority: 'URGENT',
        modality: 'PHYSICAL_THERAPY',
        conditions: ['SHOULDER_PAIN'],
        techniques: ['STRENGTHENING_EXERCISE'],
        reason: 'Rotator cuff strain after a fall; please strengthen.',
        patient: { id: world.patient.id },
        toProvider: { id: world.targetProvider.providerId },
        referringUser: { id: world.coordinatorA.id },
        events: [expect.objectContaining({ type: 'CREATED', toStatus: 'DRAFT' })],
      });
      expect(await referralRow(request.id)).toMatchObject({ red_flags: 'Anticoagulated.', recommended_visits: 8, visits_per_week: 2, consent_to_share: true });
      // A draft is the referrer's alone, as in GraphQL.
      expectOutcome(await as(world.targetProvider).get(`ServiceRequest/${request.id}`), 404, 'not-found');
      // What the answer showed is audited, as a read of it is.
      const { auditEntries } = await world.platformAdmin.ok<{ auditEntries: { edges: Array<{ node: AuditEntry }> } }>(AUDIT_ENTRIES, { filter: { referralId: request.id }, first: 100 });
      expect(auditEntries.edges.map(({ node }) => node).find((entry) => entry.operation === 'fhir create ServiceRequest')).toMatchObject({
        actorId: world.coordinatorA.id,
        referralIds: [request.id],
        patientIds: [world.patient.id],
      });
    });

    it('takes the patient by ReferLoop’s identifier, the modality as a category or ReferLoop’s code, and a provider who refers as the requester', async () => {
      const body = serviceRequest({ identifier: { system: SYSTEMS.patientId, value: world.patient.id } }, world.targetProvider.providerId, {
        code: undefined,
        category: [{ coding: [{ system: SYSTEMS.modality, code: 'PHYSICAL_THERAPY' }] }],
        priority: undefined,
        orderDetail: undefined,
        occurrenceTiming: undefined,
        note: undefined,
      });
      const request = created(await as(world.referringProvider).post('ServiceRequest', body, { 'content-type': 'application/json' }), 201);
      expect(request).toMatchObject({
        subject: patientRef(),
        priority: 'routine',
        requester: { reference: `PractitionerRole/${world.referringProvider.providerId}` },
        // Without a note, the conditions are the reason.
        note: [{ text: 'Shoulder pain' }],
      });
      expect(request.code.coding).toContainEqual(expect.objectContaining({ system: SYSTEMS.modality, code: 'PHYSICAL_THERAPY' }));
      expect(await as(world.referringProvider).ok(`ServiceRequest/${request.id}`)).toEqual(request);
    });
  });

  describe('a transaction Bundle', () => {
    it('registers the patient and creates the referral for them: a transaction-response with both, each as a GET reads it', async () => {
      const [patientUrl, requestUrl] = [urn(), urn()];
      const patient = patientResource();
      const response = await as(world.coordinatorA).post(
        '',
        transaction([
          { fullUrl: patientUrl, resource: patient },
          { fullUrl: requestUrl, resource: serviceRequest({ reference: patientUrl }, world.targetProvider.providerId) },
        ]),
      );
      const bundle = created(response, 200);
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'transaction-response' });
      expect(bundle.entry.map((entry: any) => [entry.resource.resourceType, entry.response.status, entry.response.location])).toEqual([
        ['Patient', '201 Created', `Patient/${bundle.entry[0].resource.id}`],
        ['ServiceRequest', '201 Created', `ServiceRequest/${bundle.entry[1].resource.id}`],
      ]);
      const [registered, request] = bundle.entry.map((entry: any) => entry.resource);
      expect(request.subject).toEqual({ reference: `Patient/${registered.id}` });
      expect(registered).toMatchObject({
        name: [{ use: 'official', family: (patient.name as any)[0].family, given: ['Ada Grace'] }],
        birthDate: '1975-04-12',
        managingOrganization: { reference: `Organization/${world.clinicA.id}` },
      });
      expect(await as(world.coordinatorA).ok(`Patient/${registered.id}`)).toEqual(registered);
      expect(await as(world.coordinatorA).ok(`ServiceRequest/${request.id}`)).toEqual(request);
      // FHIR has no element for consent to status emails: not given until the clinic records it.
      const { rows } = await db.query('SELECT clinic_id, email_consent FROM patients WHERE id = $1', [registered.id]);
      expect(rows).toEqual([{ clinic_id: world.clinicA.id, email_consent: false }]);
    });

    it('sends the referral when its Task says requested, as a GraphQL send does: the receiver sees it, its emails and webhook events are written alike', async () => {
      for (const admin of [world.adminA, world.adminB]) {
        await admin.client.ok(CREATE_WEBHOOK_ENDPOINT, { input: { url: 'http://127.0.0.1:9/ehr-hook', events: ['REFERRAL_CREATED', 'REFERRAL_SENT'], description: 'EHR' } });
      }
      const requestUrl = urn();
      const response = await as(world.coordinatorA).post(
        '',
        transaction([
          { fullUrl: requestUrl, resource: serviceRequest(patientRef(), world.targetProvider.providerId, { status: 'active' }) },
          { resource: sendingTask(requestUrl) },
        ]),
      );
      const bundle = created(response, 200);
      const [request, task] = bundle.entry.map((entry: any) => entry.resource);
      expect([request.status, task.resourceType, task.id, task.status, bundle.entry[1].response.status]).toEqual(['active', 'Task', request.id, 'requested', '201 Created']);
      expect(await as(world.coordinatorA).ok(`Task/${request.id}`)).toEqual(task);
      // The receiving side sees it now, as after a GraphQL send.
      expect((await as(world.targetProvider).ok(`ServiceRequest/${request.id}`)).status).toBe('active');
      expect((await as(world.coordinatorB).ok(`Task/${request.id}`)).status).toBe('requested');

      const sentByGraphql = await runReferralMutation(world.coordinatorA.client, 'createReferral', {
        ...referralInput(world.patient.id, world.targetProvider.providerId),
        idempotencyKey: randomUUID(),
        send: true,
      });
      const written = async (referralId: string) => ({
        status: (await referralRow(referralId)).status,
        events: (await db.query('SELECT type, to_status FROM referral_events WHERE referral_id = $1 ORDER BY at, to_status', [referralId])).rows,
        emails: (await db.query('SELECT recipient_kind, template, recipient_email, status FROM notifications WHERE referral_id = $1 ORDER BY 1, 2', [referralId])).rows,
        webhooks: (
          await db.query(
            `SELECT e.type, count(d.id)::int AS deliveries FROM webhook_events e LEFT JOIN webhook_deliveries d ON d.event_id = e.id
              WHERE e.referral_id = $1 GROUP BY e.id, e.type ORDER BY e.type`,
            [referralId],
          )
        ).rows,
      });
      const viaFhir = await written(request.id);
      expect(viaFhir).toEqual(await written(sentByGraphql.id));
      expect(viaFhir.status).toBe('SENT');
      expect(viaFhir.emails.length).toBeGreaterThan(0);
      expect(viaFhir.webhooks).toEqual([
        { type: 'referral.created', deliveries: 1 },
        { type: 'referral.sent', deliveries: 2 },
      ]);
    });

    it('registers a patient and sends at once, all in one', async () => {
      const [patientUrl, requestUrl] = [urn(), urn()];
      const bundle = created(
        await as(world.coordinatorA).post(
          '',
          transaction([
            { resource: sendingTask(requestUrl) },
            { fullUrl: requestUrl, resource: serviceRequest({ reference: patientUrl }, world.targetProvider.providerId, { status: 'active' }) },
            { fullUrl: patientUrl, resource: patientResource() },
          ]),
        ),
        200,
      );
      expect(bundle.entry.map((entry: any) => [entry.resource.resourceType, entry.resource.status ?? null])).toEqual([
        ['Task', 'requested'],
        ['ServiceRequest', 'active'],
        ['Patient', null],
      ]);
      const patientId = bundle.entry[2].resource.id;
      // The receiving side now sees the new patient too, as the receiver of a referral sent for them.
      expect((await as(world.targetProvider).ok(`Patient/${patientId}`)).id).toBe(patientId);
    });
  });

  describe('idempotency', () => {
    it('answers a repeat under If-None-Exist, or under the request’s own identifier, with the referral the first created: 200, one referral', async () => {
      const before = await counts();
      const order = ehrOrder();
      const header = { 'if-none-exist': `identifier=${order.system}|${order.value}` };
      const body = serviceRequest(patientRef(), world.targetProvider.providerId);
      const first = created(await as(world.coordinatorA).post('ServiceRequest', body, header), 201);
      const again = await as(world.coordinatorA).post('ServiceRequest', body, header);
      expect(created(again, 200)).toEqual(first);
      expect(again.headers.get('location')).toBeNull();
      // The same identifier in the resource finds it too.
      expect(created(await as(world.coordinatorA).post('ServiceRequest', { ...body, identifier: [order] }), 200).id).toBe(first.id);

      const own = ehrOrder();
      const withIdentifier = { ...body, identifier: [own] };
      const byIdentifier = created(await as(world.coordinatorA).post('ServiceRequest', withIdentifier), 201);
      expect(created(await as(world.coordinatorA).post('ServiceRequest', withIdentifier), 200).id).toBe(byIdentifier.id);
      // Per user, as createReferral's key: another user's identical request is theirs.
      expect(created(await as(world.adminA).post('ServiceRequest', withIdentifier), 201).id).not.toBe(byIdentifier.id);
      expect((await counts()).referrals).toBe(before.referrals + 3);
    });

    it('creates one referral for two concurrent requests with the same identifier, and one patient for a repeated transaction', async () => {
      const order = ehrOrder();
      const body = serviceRequest(patientRef(), world.targetProvider.providerId, { identifier: [order] });
      const before = await counts();
      const answers = await Promise.all([as(world.coordinatorA).post('ServiceRequest', body), as(world.coordinatorA).post('ServiceRequest', body)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 201]);
      expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
      expect((await counts()).referrals).toBe(before.referrals + 1);

      const patientUrl = urn();
      const bundle = transaction([
        { fullUrl: patientUrl, resource: patientResource() },
        { resource: serviceRequest({ reference: patientUrl }, world.targetProvider.providerId), ifNoneExist: `identifier=${SYSTEMS.ehrOrders}|${ehrOrder().value}` },
      ]);
      const bundles = await Promise.all([as(world.coordinatorA).post('', bundle), as(world.coordinatorA).post('', bundle)]);
      const again = created(await as(world.coordinatorA).post('', bundle), 200);
      const statuses = [...bundles.map((answer) => created(answer, 200)), again].map((answer: any) => answer.entry.map((entry: any) => entry.response.status).join());
      expect(statuses.sort()).toEqual(['200 OK,200 OK', '200 OK,200 OK', '201 Created,201 Created']);
      expect(new Set([...bundles.map((answer) => answer.body), again].map((answer: any) => answer.entry[0].resource.id)).size).toBe(1);
      const after = await counts();
      expect([after.referrals, after.patients]).toEqual([before.referrals + 2, before.patients + 1]);
    });
  });

  describe('refusals', () => {
    it('refuses a bad resource with 400 or 422 naming the element, and writes nothing', async () => {
      const client = as(world.coordinatorA);
      const good = () => serviceRequest(patientRef(), world.targetProvider.providerId);
      const before = await counts();
      const cases: Array<[string, Promise<FhirResponse>, number, string, string | null, RegExp]> = [
        ['no subject', client.post('ServiceRequest', { ...good(), subject: undefined }), 422, 'required', 'ServiceRequest.subject', /ServiceRequest.subject: is required/],
        ['an unknown modality code', client.post('ServiceRequest', { ...good(), code: { coding: [{ system: SYSTEMS.modality, code: 'YOGA' }] } }), 422, 'invalid', 'ServiceRequest.code', /ServiceRequest.code: modality must be one of/],
        ['a service type that is no modality', client.post('ServiceRequest', { ...good(), code: { coding: [{ system: SYSTEMS.serviceType, code: '124' }] } }), 422, 'required', 'ServiceRequest.code', /no modality ReferLoop has/],
        ['a performer who does not practise it', client.post('ServiceRequest', serviceRequest(patientRef(), world.referringProvider.providerId)), 422, 'invalid', 'ServiceRequest.code', /does not practise PHYSICAL_THERAPY/],
        ['an unknown condition', client.post('ServiceRequest', { ...good(), reasonCode: [{ coding: [{ system: SYSTEMS.condition, code: 'HICCUPS' }] }] }), 422, 'invalid', 'ServiceRequest.reasonCode', /conditions/],
        ['a control character in the reason', client.post('ServiceRequest', { ...good(), note: [{ text: 'Shoulder\u0000pain' }] }), 422, 'invalid', 'ServiceRequest.note', /ServiceRequest.note: holds a control character/],
        ['a control character in a Patient’s name', client.post('', transaction([{ fullUrl: 'urn:uuid:p', resource: patientResource({ name: [{ family: 'Okafor\u0007', given: ['Ada'] }] }) }, { resource: serviceRequest({ reference: 'urn:uuid:p' }, world.targetProvider.providerId) }])), 422, 'invalid', 'Bundle.entry[0].resource.name.family', /control character/],
        ['too many visits', client.post('ServiceRequest', { ...good(), occurrenceTiming: { repeat: { count: 500 } } }), 422, 'invalid', 'ServiceRequest.occurrenceTiming.repeat.count', /100/],
        ['an element ReferLoop does not keep', client.post('ServiceRequest', { ...good(), bodySite: [{ text: 'Left shoulder' }] }), 422, 'not-supported', 'ServiceRequest.bodySite', /not kept/],
        ['active without a Task that sends it', client.post('ServiceRequest', { ...good(), status: 'active' }), 422, 'invalid', 'ServiceRequest.status', /draft, not 'active'/],
        ['a bundle reference outside a Bundle', client.post('ServiceRequest', { ...good(), subject: { reference: urn() } }), 422, 'invalid', 'ServiceRequest.subject.reference', /transaction Bundle/],
        ['JSON that is not JSON', client.post('ServiceRequest', '{"resourceType": "ServiceRequest",'), 400, 'structure', null, /not valid JSON/],
        ['plain JSON that is not JSON', client.post('ServiceRequest', '{"resourceType":', { 'content-type': 'application/json' }), 400, 'structure', null, /not valid JSON/],
        ['no body', client.post('ServiceRequest', ''), 400, 'structure', null, /not valid JSON/],
        ['another media type', client.post('ServiceRequest', JSON.stringify(good()), { 'content-type': 'text/plain' }), 415, 'not-supported', null, /application\/fhir\+json/],
        ['another resource type', client.post('ServiceRequest', patientResource()), 400, 'invalid', null, /must be a ServiceRequest.*'Patient'/],
        ['a JSON array', client.post('ServiceRequest', [good()]), 400, 'invalid', null, /must be a ServiceRequest/],
        ['a bad If-None-Exist', client.post('ServiceRequest', good(), { 'if-none-exist': 'name=Okafor' }), 400, 'value', null, /If-None-Exist/],
        ['a search parameter on a create', client.post('ServiceRequest?_pretty=true', good()), 400, 'not-supported', null, /_pretty/],
        ['a body over the limit every request has', client.post('ServiceRequest', { ...good(), note: [{ text: 'x'.repeat(1024 * 1024) }] }), 413, 'too-long', null, /larger/],
        ['plain JSON over the limit', client.post('', 'x'.repeat(1024 * 1024 + 1), { 'content-type': 'application/json' }), 413, 'too-long', null, /larger/],
        [
          'a Patient without a name in a Bundle',
          client.post('', transaction([{ fullUrl: 'urn:uuid:p', resource: patientResource({ name: undefined }) }, { resource: serviceRequest({ reference: 'urn:uuid:p' }, world.targetProvider.providerId) }])),
          422,
          'invalid',
          'Bundle.entry[0].resource.name.given',
          /Bundle.entry\[0\].resource.name.given: firstName must be/,
        ],
        [
          'a Bundle whose referral fails after its Patient passed',
          client.post('', transaction([{ fullUrl: 'urn:uuid:p', resource: patientResource() }, { resource: serviceRequest({ reference: 'urn:uuid:p' }, world.referringProvider.providerId) }])),
          422,
          'invalid',
          'Bundle.entry[1].resource.code',
          /does not practise/,
        ],
        [
          'sending without the patient’s consent',
          client.post('', transaction([{ fullUrl: 'urn:uuid:s', resource: { ...serviceRequest(patientRef(), world.targetProvider.providerId, { status: 'active' }), extension: undefined } }, { resource: sendingTask('urn:uuid:s') }])),
          422,
          'invalid',
          `Bundle.entry[0].resource.extension('${SYSTEMS.consent}')`,
          /consent/,
        ],
        ['a Task that is neither draft nor requested', client.post('', transaction([{ fullUrl: 'urn:uuid:s', resource: good() }, { resource: sendingTask('urn:uuid:s', { status: 'accepted' }) }])), 422, 'invalid', 'Bundle.entry[1].resource.status', /requested/],
        ['a batch', client.post('', { ...transaction([{ resource: good() }]), type: 'batch' }), 422, 'not-supported', 'Bundle.type', /transaction/],
        ['another resource in a Bundle', client.post('', transaction([{ resource: good() }, { resource: { resourceType: 'Observation', status: 'final' } }])), 422, 'not-supported', 'Bundle.entry[1].resource', /Observation is not created here/],
        ['a Bundle posted as a ServiceRequest', client.post('ServiceRequest', transaction([{ resource: good() }])), 400, 'invalid', null, /must be a ServiceRequest/],
      ];
      for (const [what, pending, status, code, expression, diagnostics] of cases) {
        const response = await pending;
        expect({ what, status: response.status }).toEqual({ what, status });
        expectOutcome(response, status, code, diagnostics);
        expect({ what, expression: response.body.issue[0].expression ?? null }).toEqual({ what, expression: expression && [expression] });
      }
      expect(await counts()).toEqual(before);
    });
  });

  describe('who may create', () => {
    it('refuses an anonymous caller (401), a platform admin (403), and a patient outside the caller’s clinic as not found (404), writing nothing', async () => {
      // Sent to clinic B: its staff now see the patient, as the receiving side.
      await runReferralMutation(world.coordinatorA.client, 'createReferral', { ...referralInput(world.patient.id, world.targetProvider.providerId), idempotencyKey: randomUUID(), send: true });
      const before = await counts();
      const body = serviceRequest(patientRef(), world.targetProvider.providerId);
      const registering = transaction([{ fullUrl: 'urn:uuid:p', resource: patientResource() }, { resource: serviceRequest({ reference: 'urn:uuid:p' }, world.targetProvider.providerId) }]);
      expectOutcome(await new FhirClient(app.baseUrl).post('ServiceRequest', body), 401, 'login');
      expectOutcome(await new FhirClient(app.baseUrl).post('', registering), 401, 'login');
      expectOutcome(await new FhirClient(app.baseUrl, world.platformAdmin.token).post('ServiceRequest', body), 403, 'forbidden');
      expectOutcome(await new FhirClient(app.baseUrl, world.platformAdmin.token).post('', registering), 403, 'forbidden');
      // Another clinic's provider and coordinator may not see the patient; the receiving clinic sees them but does not refer them as its own.
      for (const outsider of [world.unrelatedProvider, world.coordinatorC, world.coordinatorB]) {
        const response = await as(outsider).post('ServiceRequest', serviceRequest(patientRef(), world.alternateProvider.providerId));
        expectOutcome(response, 404, 'not-found', /ServiceRequest.subject: Patient not found/);
        expect(response.body.issue[0].expression).toEqual(['ServiceRequest.subject']);
      }
      // Nor does a clinic register a patient in another one.
      const elsewhere = transaction([
        { fullUrl: 'urn:uuid:p', resource: patientResource({ managingOrganization: { reference: `Organization/${world.clinicB.id}` } }) },
        { resource: serviceRequest({ reference: 'urn:uuid:p' }, world.targetProvider.providerId) },
      ]);
      expectOutcome(await as(world.coordinatorA).post('', elsewhere), 403, 'forbidden', /own clinic/);
      expect(await counts()).toEqual(before);
    });

    it('lets every role that creates referrals in GraphQL create them here: clinic admins, coordinators, providers', async () => {
      for (const actor of [world.adminA, world.coordinatorA, world.referringProvider]) {
        const request = created(await as(actor).post('ServiceRequest', serviceRequest(patientRef(), world.targetProvider.providerId)), 201);
        expect((await readReferral(actor.client, request.id)).referringUser).toEqual({ id: actor.id });
      }
    });
  });

  describe('FHIR’s media type', () => {
    it('is read on the FHIR API’s paths only: GraphQL still refuses it, as before (415)', async () => {
      const response = await fetch(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${world.coordinatorA.client.token}`, 'apollo-require-preflight': 'true' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({ errors: [{ message: 'Unsupported Media Type', extensions: { code: 'BAD_REQUEST' } }] });
    });
  });

  describe('the CapabilityStatement', () => {
    it('declares exactly what is served: create (conditional) on ServiceRequest, and transaction at the base', async () => {
      const statement = await new FhirClient(app.baseUrl).ok('metadata');
      const resources = statement.rest[0].resource as Array<{ type: string; interaction: Array<{ code: string }>; conditionalCreate?: boolean }>;
      for (const resource of resources) {
        expect({ type: resource.type, codes: resource.interaction.map((interaction) => interaction.code), conditional: resource.conditionalCreate ?? false }).toEqual({
          type: resource.type,
          codes: resource.type === 'ServiceRequest' ? ['read', 'search-type', 'create'] : ['read', 'search-type'],
          conditional: resource.type === 'ServiceRequest',
        });
      }
      expect(statement.rest[0].interaction.map((interaction: { code: string }) => interaction.code)).toEqual(['transaction']);
    });
  });
});
