import { expectGraphqlError } from './support/expectations';
import { useWorld } from './support/file-setup';
import { CREATE_PROVIDER, CREATE_USER, UPDATE_PROVIDER } from './support/operations';


interface Profile {
  id: string;
  displayName: string;
  languages: string[];
  postalCode: string | null;
  city: string | null;
  weeklyCapacity: number;
  acceptingNewPatients: boolean;
  location: { latitude: number; longitude: number } | null;
}

/** The provider profile: languages and place, and who may change it (the provider, their clinic's admins, platform admins). */
describe('provider profile', () => {
  const { world, db } = useWorld();

  const storedRow = async (id: string) => (await db.query('SELECT * FROM providers WHERE id = $1', [id])).rows[0] as Record<string, unknown>;

  it('a provider updates their own languages, place and availability; fields not given stay as they were', async () => {
    const { providerId, client } = world.targetProvider;
    const before = await storedRow(providerId);
    const data = await client.ok<{ updateProvider: Profile }>(UPDATE_PROVIDER, {
      input: { id: providerId, languages: ['en', 'es'], postalCode: ' 55105 ', city: ' Saint Paul ', acceptingNewPatients: false, weeklyCapacity: 6 },
    });
    expect(data.updateProvider).toMatchObject({
      id: providerId,
      languages: ['en', 'es'],
      postalCode: '55105',
      city: 'Saint Paul',
      acceptingNewPatients: false,
      weeklyCapacity: 6,
      displayName: before.display_name,
    });
    expect(await storedRow(providerId)).toMatchObject({ languages: ['en', 'es'], postal_code: '55105', city: 'Saint Paul', modalities: before.modalities });
  });

  it("the provider's clinic admin and platform admins may change it too", async () => {
    const { providerId } = world.alternateProvider;
    await world.adminB.client.ok(UPDATE_PROVIDER, { input: { id: providerId, displayName: 'Sam Ortiz, PT', location: { latitude: 44.95, longitude: -93.09 } } });
    await world.platformAdmin.ok(UPDATE_PROVIDER, { input: { id: providerId, languages: ['fr'] } });
    expect(await storedRow(providerId)).toMatchObject({ display_name: 'Sam Ortiz, PT', latitude: 44.95, longitude: -93.09, languages: ['fr'] });
  });

  it('nobody else may: coordinators, other providers and other clinics get FORBIDDEN and nothing changes', async () => {
    const { providerId } = world.targetProvider;
    const before = await storedRow(providerId);
    for (const client of [world.coordinatorB.client, world.alternateProvider.client, world.adminA.client, world.coordinatorC.client, world.unrelatedProvider.client]) {
      expectGraphqlError(await client.request(UPDATE_PROVIDER, { input: { id: providerId, weeklyCapacity: 99 } }), 'FORBIDDEN');
    }
    expectGraphqlError(await world.anonymous.request(UPDATE_PROVIDER, { input: { id: providerId, weeklyCapacity: 99 } }), 'UNAUTHENTICATED');
    expect(await storedRow(providerId)).toEqual(before);
  });

  it.each([
    [{ languages: ['EN'] }, 'input.languages'],
    [{ languages: ['english'] }, 'input.languages'],
    [{ languages: ['en', 'en'] }, 'input.languages'],
    [{ weeklyCapacity: -1 }, 'input.weeklyCapacity'],
    [{ modalities: [] }, 'input.modalities'],
    [{ postalCode: '55105; DROP' }, 'input.postalCode'],
    [{ city: '   ' }, 'input.city'],
    [{ displayName: null }, 'input.displayName'],
    [{ location: { latitude: 91, longitude: 0 } }, 'input.location.latitude'],
  ])('bad input %j is BAD_USER_INPUT naming %s, and writes nothing', async (change, field) => {
    const { providerId, client } = world.targetProvider;
    const before = await storedRow(providerId);
    expectGraphqlError(await client.request(UPDATE_PROVIDER, { input: { id: providerId, ...change } }), 'BAD_USER_INPUT', field);
    expect(await storedRow(providerId)).toEqual(before);
  });

  it('an unknown provider is NOT_FOUND; a malformed id is BAD_USER_INPUT', async () => {
    expectGraphqlError(await world.platformAdmin.request(UPDATE_PROVIDER, { input: { id: '00000000-0000-4000-8000-000000000000', city: 'X' } }), 'NOT_FOUND');
    expectGraphqlError(await world.platformAdmin.request(UPDATE_PROVIDER, { input: { id: 'nope', city: 'X' } }), 'BAD_USER_INPUT', 'input.id');
  });

  it('createProvider takes the same profile fields, and they default to none', async () => {
    const user = await world.platformAdmin.ok<{ createUser: { id: string } }>(CREATE_USER, {
      input: { email: `pt.${Date.now()}@referloop.test`, password: 'correct-horse-battery-staple-9', displayName: 'New PT', role: 'PROVIDER', clinicId: world.clinicA.id },
    });
    const base = { clinicId: world.clinicA.id, userId: user.createUser.id, displayName: 'New PT', email: 'new.pt@referloop.test', modalities: ['PHYSICAL_THERAPY'], techniques: [], conditions: [], acceptingNewPatients: true, weeklyCapacity: 5, location: { latitude: 41.9, longitude: -87.65 } };
    const created = await world.adminA.client.ok<{ createProvider: Profile }>(CREATE_PROVIDER, { input: { ...base, languages: ['en', 'pl'], postalCode: 'k1a 0b1', city: 'Ottawa' } });
    expect(created.createProvider).toMatchObject({ languages: ['en', 'pl'], postalCode: 'K1A 0B1', city: 'Ottawa' });
    expect(world.referringProvider.providerId).toBeDefined();
    const plain = await db.query('SELECT languages, postal_code, city FROM providers WHERE id = $1', [world.referringProvider.providerId]);
    expect(plain.rows[0]).toEqual({ languages: [], postal_code: null, city: null });
  });
});
