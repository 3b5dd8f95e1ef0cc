import { GraphqlClient } from './graphql-client';
import { CREATE_CLINIC, CREATE_PATIENT, CREATE_PROVIDER, CREATE_USER, LOGIN } from './operations';
import { columns, conditionWords, inWords, Print, techniqueWords, words } from './output';
import { CLINICS, ClinicSeed, PatientSeed, ProviderSeed } from './seed-data';

type ClinicKey = ClinicSeed['key'];

export interface SignedIn {
  id: string;
  email: string;
  displayName: string;
  client: GraphqlClient;
}

export interface OnboardedProvider extends SignedIn {
  providerId: string;
  seed: ProviderSeed;
  clinic: ClinicSeed;
}

/** Everyone the scenario acts as, and the records it refers to. */
export interface Cast {
  clinicIds: Record<ClinicKey, string>;
  coordinators: Record<ClinicKey, SignedIn>;
  providers: Record<string, OnboardedProvider>;
  patients: Record<string, { id: string; seed: PatientSeed; clinic: ClinicSeed }>;
}

export async function signIn(anonymous: GraphqlClient, email: string, password: string): Promise<SignedIn> {
  const { login } = await anonymous.run<{ login: { accessToken: string; user: { id: string; displayName: string } } }>(LOGIN, {
    input: { email, password },
  });
  return { id: login.user.id, email, displayName: login.user.displayName, client: anonymous.as(login.accessToken) };
}

/**
 * Onboards the demo's clinics through the API as a platform admin does: each clinic, its
 * coordinator, its practitioners (a PROVIDER user plus a profile); then each coordinator
 * registers their clinic's patients. Every demo user gets `password`.
 */
export async function onboard(admin: SignedIn, anonymous: GraphqlClient, password: string, print: Print): Promise<Cast> {
  const cast: Cast = { clinicIds: {} as Cast['clinicIds'], coordinators: {} as Cast['coordinators'], providers: {}, patients: {} };
  for (const clinic of CLINICS) {
    const { key, kind: _kind, coordinator, providers: _providers, patients: _patients, ...input } = clinic;
    const { createClinic } = await admin.client.run<{ createClinic: { id: string } }>(CREATE_CLINIC, { input });
    cast.clinicIds[key] = createClinic.id;
    print(columns(['  clinic', 12], [`${clinic.name}, ${clinic.address.city}: ${clinic.kind}`, 0]));

    await createUser(admin, { ...coordinator, role: 'COORDINATOR', clinicId: createClinic.id }, password);
    cast.coordinators[key] = await signIn(anonymous, coordinator.email, password);
    print(columns(['  user', 12], [`${coordinator.displayName}, COORDINATOR`, 0]));

    for (const provider of clinic.providers) {
      const userId = await createUser(admin, { email: provider.email, displayName: provider.displayName, role: 'PROVIDER', clinicId: createClinic.id }, password);
      const { key: providerKey, ...profile } = provider;
      const { createProvider } = await admin.client.run<{ createProvider: { id: string } }>(CREATE_PROVIDER, {
        input: { ...profile, clinicId: createClinic.id, userId, acceptingNewPatients: true, location: clinic.location, postalCode: clinic.address.postalCode, city: clinic.address.city },
      });
      const signedIn = await signIn(anonymous, provider.email, password);
      cast.providers[providerKey] = { ...signedIn, providerId: createProvider.id, seed: provider, clinic };
      print(columns(['  provider', 12], [describeProvider(provider), 0]));
    }
  }
  // Patients are registered by their own clinic's staff, not by the platform admin.
  for (const clinic of CLINICS) {
    for (const patient of clinic.patients) {
      const { key, ...input } = patient;
      const { createPatient } = await cast.coordinators[clinic.key].client.run<{ createPatient: { id: string } }>(CREATE_PATIENT, {
        input: { ...input, clinicId: cast.clinicIds[clinic.key] },
      });
      cast.patients[key] = { id: createPatient.id, seed: patient, clinic };
      const consent = patient.emailConsent ? 'agreed to status emails' : 'no status emails';
      print(columns(['  patient', 12], [`${patient.firstName} ${patient.lastName}, registered by ${clinic.name} (${consent})`, 0]));
    }
  }
  return cast;
}

async function createUser(admin: SignedIn, input: { email: string; displayName: string; role: string; clinicId: string }, password: string): Promise<string> {
  const { createUser } = await admin.client.run<{ createUser: { id: string } }>(CREATE_USER, { input: { ...input, password } });
  return createUser.id;
}

function describeProvider(provider: ProviderSeed): string {
  const conditions = provider.conditions.length > 6 ? `${provider.conditions.length} conditions` : conditionWords(provider.conditions);
  return `${provider.displayName}: ${inWords(provider.modalities.map(words))}; ${techniqueWords(provider.techniques)}; treats ${conditions}`;
}
