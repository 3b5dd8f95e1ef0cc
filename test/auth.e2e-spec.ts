import { USER_PASSWORD, createClinic, createSignedInUser, signIn, uniqueEmail } from './support/fixtures';
import { expectGraphqlError } from './support/expectations';
import { CREATE_CLINIC, CREATE_PROVIDER, CREATE_USER, DISABLE_USER, LOGIN, ME } from './support/operations';
import { ADMIN_EMAIL } from './support/test-app';
import { useWorld } from './support/file-setup';
import { withExpiry } from './support/tokens';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('authentication and user administration', () => {
  // Failed logins in this file must not trip the per-address throttle (it has its own file).
  const { app: testApp, world } = useWorld({ env: { LOGIN_MAX_FAILURES: '100' } });

  describe('login and tokens', () => {
    it('answers UNAUTHENTICATED on `me` without a token', async () => {
      expectGraphqlError(await testApp.anonymous.request(ME), 'UNAUTHENTICATED');
    });

    it('answers UNAUTHENTICATED for a garbage or forged token', async () => {
      expectGraphqlError(await testApp.anonymous.as('not-a-jwt').request(ME), 'UNAUTHENTICATED');
      const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAifQ.c2lnbmF0dXJl';
      expectGraphqlError(await testApp.anonymous.as(forged).request(ME), 'UNAUTHENTICATED');
      // An unsigned token (alg "none") naming a real user.
      const unsigned = [
        Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
        Buffer.from(JSON.stringify({ sub: world.coordinatorA.id, iss: 'referloop', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url'),
        '',
      ].join('.');
      expectGraphqlError(await testApp.anonymous.as(unsigned).request(ME), 'UNAUTHENTICATED');
    });

    it('logs the bootstrap admin in, with an expiry in UTC', async () => {
      const data = await testApp.anonymous.ok<{ login: { accessToken: string; expiresAt: string; user: { email: string; role: string } } }>(LOGIN, {
        input: { email: ADMIN_EMAIL, password: 'admin-password-123' },
      });
      expect(data.login.user).toMatchObject({ email: ADMIN_EMAIL, role: 'PLATFORM_ADMIN' });
      expect(data.login.expiresAt).toMatch(ISO_UTC);
      expect(Date.parse(data.login.expiresAt)).toBeGreaterThan(Date.now());
      const me = await testApp.anonymous.as(data.login.accessToken).ok<{ me: { email: string } }>(ME);
      expect(me.me.email).toBe(ADMIN_EMAIL);
    });

    it("`me` brings the user's own clinic (name and time zone) in the same answer; a platform admin has none", async () => {
      const query = '{ me { clinicId clinic { id name timeZone } } }';
      const coordinator = await world.coordinatorA.client.ok<{ me: { clinicId: string; clinic: { id: string; name: string; timeZone: string } } }>(query);
      expect(coordinator.me.clinic).toEqual({ id: world.clinicA.id, name: expect.any(String), timeZone: expect.any(String) });
      expect(coordinator.me.clinicId).toBe(world.clinicA.id);
      expect(await world.platformAdmin.ok(query)).toEqual({ me: { clinicId: null, clinic: null } });
    });

    it('answers UNAUTHENTICATED for a wrong password, the same way as for an unknown email', async () => {
      const wrong = await testApp.anonymous.request(LOGIN, { input: { email: world.coordinatorB.email, password: 'wrong-password-123' } });
      expectGraphqlError(wrong, 'UNAUTHENTICATED');
      const unknown = await testApp.anonymous.request(LOGIN, { input: { email: uniqueEmail('nobody'), password: 'wrong-password-123' } });
      expectGraphqlError(unknown, 'UNAUTHENTICATED');
      expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    });

    it('refuses an expired token (a re-signed unexpired copy still works, so only expiry differs)', async () => {
      const token = world.coordinatorA.client.token!;
      const now = Math.floor(Date.now() / 1000);
      const stillValid = await testApp.anonymous.as(withExpiry(token, now + 600)).request(ME);
      expect(stillValid.errors).toBeUndefined();
      expectGraphqlError(await testApp.anonymous.as(withExpiry(token, now - 5)).request(ME), 'UNAUTHENTICATED');
    });

    it('treats the email case-insensitively', async () => {
      const client = await signIn(testApp.anonymous, world.coordinatorC.email.toUpperCase(), USER_PASSWORD);
      expect((await client.ok<{ me: { id: string } }>(ME)).me.id).toBe(world.coordinatorC.id);
    });
  });

  describe('disableUser', () => {
    it("makes the user's existing token stop working at once, and refuses new logins", async () => {
      const user = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
      expect((await user.client.ok<{ me: { id: string } }>(ME)).me.id).toBe(user.id);

      await world.platformAdmin.ok(DISABLE_USER, { input: { id: user.id } });

      expectGraphqlError(await user.client.request(ME), 'UNAUTHENTICATED');
      expectGraphqlError(await testApp.anonymous.request(LOGIN, { input: { email: user.email, password: USER_PASSWORD } }), 'UNAUTHENTICATED');
    });

    it("lets a clinic admin disable a user of its own clinic but not of another clinic", async () => {
      const own = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
      const other = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicB.id);

      const refused = await world.adminA.client.request(DISABLE_USER, { input: { id: other.id } });
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refused.errors?.[0]?.extensions?.code);
      expect((await other.client.ok<{ me: { id: string } }>(ME)).me.id).toBe(other.id);

      await world.adminA.client.ok(DISABLE_USER, { input: { id: own.id } });
      expectGraphqlError(await own.client.request(ME), 'UNAUTHENTICATED');
    });

    it('is refused to a coordinator', async () => {
      const target = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
      expectGraphqlError(await world.coordinatorA.client.request(DISABLE_USER, { input: { id: target.id } }), 'FORBIDDEN');
      expect((await target.client.ok<{ me: { id: string } }>(ME)).me.id).toBe(target.id);
    });
  });

  describe('createUser and createClinic permissions', () => {
    const userInput = (role: string, clinicId: string | null) => ({
      email: uniqueEmail('new'),
      password: USER_PASSWORD,
      displayName: 'New Person',
      role,
      ...(clinicId ? { clinicId } : {}),
    });

    it('lets a platform admin create a coordinator with a password (positive control)', async () => {
      const input = userInput('COORDINATOR', world.clinicA.id);
      const data = await world.platformAdmin.ok<{ createUser: { id: string; role: string } }>(CREATE_USER, { input });
      expect(data.createUser.role).toBe('COORDINATOR');
      await signIn(testApp.anonymous, input.email, USER_PASSWORD);
    });

    it('refuses a clinic admin creating a user with a password, even in its own clinic (FORBIDDEN: they invite)', async () => {
      for (const clinicId of [world.clinicA.id, world.clinicB.id]) {
        const input = userInput('COORDINATOR', clinicId);
        expectGraphqlError(await world.adminA.client.request(CREATE_USER, { input }), 'FORBIDDEN');
        expectGraphqlError(await testApp.anonymous.request(LOGIN, { input: { email: input.email, password: USER_PASSWORD } }), 'UNAUTHENTICATED');
      }
    });

    it('refuses a clinic admin creating a PLATFORM_ADMIN (FORBIDDEN), and creates nobody', async () => {
      const input = userInput('PLATFORM_ADMIN', null);
      expectGraphqlError(await world.adminA.client.request(CREATE_USER, { input }), 'FORBIDDEN');
      // A platform admin tied to a clinic is malformed as well as forbidden: either answer, never a user.
      const inClinic = userInput('PLATFORM_ADMIN', world.clinicA.id);
      const response = await world.adminA.client.request(CREATE_USER, { input: inClinic });
      expect(['FORBIDDEN', 'BAD_USER_INPUT']).toContain(response.errors?.[0]?.extensions?.code);
      for (const email of [input.email, inClinic.email]) {
        expectGraphqlError(await testApp.anonymous.request(LOGIN, { input: { email, password: USER_PASSWORD } }), 'UNAUTHENTICATED');
      }
    });

    it('refuses a coordinator creating users or clinics (FORBIDDEN)', async () => {
      expectGraphqlError(await world.coordinatorA.client.request(CREATE_USER, { input: userInput('COORDINATOR', world.clinicA.id) }), 'FORBIDDEN');
      expectGraphqlError(
        await world.coordinatorA.client.request(CREATE_CLINIC, {
          input: {
            name: 'Rogue clinic',
            email: uniqueEmail('rogue'),
            phone: '+1 312 555 0100',
            timeZone: 'America/Chicago',
            address: { line1: '1 Main St', city: 'Chicago', region: 'IL', postalCode: '60601', country: 'US' },
            location: { latitude: 41.88, longitude: -87.63 },
          },
        }),
        'FORBIDDEN',
      );
    });

    it('refuses a password shorter than 12 characters, naming input.password', async () => {
      const input = { ...userInput('COORDINATOR', world.clinicA.id), password: 'short-pw' };
      expectGraphqlError(await world.platformAdmin.request(CREATE_USER, { input }), 'BAD_USER_INPUT', 'input.password');
    });

    it('refuses a duplicate email (any case) as bad input', async () => {
      const input = userInput('COORDINATOR', world.clinicA.id);
      await world.platformAdmin.ok(CREATE_USER, { input });
      const duplicate = await world.platformAdmin.request(CREATE_USER, { input: { ...input, email: input.email.toUpperCase() } });
      expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(duplicate.errors?.[0]?.extensions?.code);
    });

    it('lets the platform admin create clinics and read them back (positive control)', async () => {
      const clinic = await createClinic(world.platformAdmin, { timeZone: 'America/Denver', location: { latitude: 39.7392, longitude: -104.9903 } });
      const data = await world.platformAdmin.ok<{ clinic: { id: string; timeZone: string; location: { latitude: number; longitude: number } } }>(
        `query clinic($id: ID!) { clinic(id: $id) { id timeZone location { latitude longitude } } }`,
        { id: clinic.id },
      );
      expect(data.clinic).toEqual({ id: clinic.id, timeZone: 'America/Denver', location: { latitude: 39.7392, longitude: -104.9903 } });
    });

    describe('createProvider', () => {
      const providerInput = async (clinicId: string) => {
        const user = await createSignedInUser(world.platformAdmin, 'PROVIDER', clinicId);
        return {
          clinicId,
          userId: user.id,
          displayName: 'Dr. New',
          email: user.email,
          modalities: ['CHIROPRACTIC'],
          techniques: ['SPINAL_MANIPULATION'],
          conditions: ['BACK_PAIN'],
          acceptingNewPatients: true,
          weeklyCapacity: 5,
          location: { latitude: 41.9, longitude: -87.6 },
        };
      };

      it("lets a clinic admin add a provider to its own clinic", async () => {
        const data = await world.adminA.client.ok<{ createProvider: { id: string } }>(CREATE_PROVIDER, { input: await providerInput(world.clinicA.id) });
        expect(data.createProvider.id).toEqual(expect.any(String));
      });

      it("refuses a clinic admin adding a provider to another clinic, and a coordinator anywhere (FORBIDDEN)", async () => {
        expectGraphqlError(await world.adminA.client.request(CREATE_PROVIDER, { input: await providerInput(world.clinicB.id) }), 'FORBIDDEN');
        expectGraphqlError(await world.coordinatorA.client.request(CREATE_PROVIDER, { input: await providerInput(world.clinicA.id) }), 'FORBIDDEN');
      });
    });
  });
});
