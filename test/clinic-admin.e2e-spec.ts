import { ErrorReason } from '@referloop/core';
import { totpCode } from '../libs/auth/src/two-factor/totp';
import { expectGraphqlError, expectGraphqlReason } from './support/expectations';
import { createClinic, createSignedInUser, uniqueEmail, USER_PASSWORD } from './support/fixtures';
import { GraphqlClient, GraphqlResponse } from './support/graphql-client';
import { DISABLE_USER, INVITE_USER, LOGIN, ME, RESEND_INVITATION, REVOKE_INVITATION } from './support/operations';
import { useWorld } from './support/file-setup';
import { Caller, CLINIC, matrixCallers, Outcome, outcomeOf, ROLE } from './support/role-matrix';
import { ADMIN_PASSWORD } from './support/test-app';

/*
 * A clinic run by its own admins: the list of its staff, role changes, disabling and enabling,
 * its own details; platform admins over every clinic. A clinic always keeps one active admin.
 * The last part is the role matrix: every new operation, as every kind of caller.
 */

const USERS = `query users($filter: UserFilter, $first: Int, $after: String) {
  users(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id email role clinicId status } } }
}`;
const CLINICS = `query clinics($first: Int) { clinics(first: $first) { totalCount edges { node { id name } } } }`;
const UPDATE_CLINIC = `mutation updateClinic($input: UpdateClinicInput!) { updateClinic(input: $input) { id name phone timeZone } }`;
const CHANGE_USER_ROLE = `mutation changeUserRole($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { id role status } }`;
const RESET_TWO_FACTOR = `mutation resetTwoFactor($input: ResetTwoFactorInput!) { resetTwoFactor(input: $input) { id } }`;
const ENABLE_USER = `mutation enableUser($input: EnableUserInput!) { enableUser(input: $input) { id status } }`;

type UserNode = { id: string; email: string; role: string; clinicId: string | null; status: string };
type UserPage = { users: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: UserNode }[] } };

describe('clinic admins: users, roles, their clinic', () => {
  const { app, world } = useWorld();

  const usersOf = async (client: GraphqlClient, filter: Record<string, unknown> = {}, first = 100): Promise<UserNode[]> =>
    (await client.ok<UserPage>(USERS, { filter, first })).users.edges.map((edge) => edge.node);
  const signsIn = async (email: string) => (await app.anonymous.request(LOGIN, { input: { email, password: USER_PASSWORD } })).errors === undefined;

  describe('users', () => {
    it("lists a clinic admin's own clinic only, and every clinic's for a platform admin, narrowed by role and status", async () => {
      const own = await usersOf(world.adminA.client);
      expect(own.length).toBeGreaterThan(0);
      expect(new Set(own.map((user) => user.clinicId))).toEqual(new Set([world.clinicA.id]));
      const all = await usersOf(world.platformAdmin);
      expect(new Set(all.map((user) => user.clinicId))).toEqual(new Set([world.clinicA.id, world.clinicB.id, world.clinicC.id, null]));

      const invitedEmail = uniqueEmail('listed');
      await world.adminA.client.ok(INVITE_USER, { input: { email: invitedEmail, displayName: 'Listed Person', role: 'PROVIDER', clinicId: world.clinicA.id } });
      const invited = await usersOf(world.adminA.client, { status: 'INVITED' });
      expect(invited.map((user) => user.email)).toContain(invitedEmail);
      expect(invited.every((user) => user.status === 'INVITED')).toBe(true);
      const admins = await usersOf(world.platformAdmin, { clinicId: world.clinicB.id, role: 'CLINIC_ADMIN' });
      expect(admins.map((user) => user.id)).toEqual([world.adminB.id]);
    });

    it('pages newest first with a cursor, and counts them all', async () => {
      const clinic = await createClinic(world.platformAdmin);
      const created = [];
      for (let i = 0; i < 3; i += 1) created.push(await createSignedInUser(world.platformAdmin, 'COORDINATOR', clinic.id));
      const first = (await world.platformAdmin.ok<UserPage>(USERS, { filter: { clinicId: clinic.id }, first: 2 })).users;
      expect(first.totalCount).toBe(3);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = (await world.platformAdmin.ok<UserPage>(USERS, { filter: { clinicId: clinic.id }, first: 2, after: first.pageInfo.endCursor })).users;
      expect([...first.edges, ...rest.edges].map((edge) => edge.node.id)).toEqual(created.map((user) => user.id).reverse());
    });

    it("refuses a clinic admin another clinic's list, and anyone but admins any list", async () => {
      expectGraphqlReason(await world.adminA.client.request(USERS, { filter: { clinicId: world.clinicB.id } }), 'FORBIDDEN', ErrorReason.NOT_YOUR_CLINIC);
      expectGraphqlReason(await world.coordinatorA.client.request(USERS), 'FORBIDDEN', ErrorReason.NOT_YOUR_ROLE);
      expectGraphqlError(await world.coordinatorA.client.request(USERS, { filter: { status: 'SLEEPING' } }), 'BAD_USER_INPUT');
    });
  });

  describe('changeUserRole', () => {
    it("promotes a coordinator to clinic admin: the role changes and the user's sessions end, so they sign in as what they are now", async () => {
      const user = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
      const changed = await world.adminA.client.ok<{ changeUserRole: UserNode }>(CHANGE_USER_ROLE, { input: { id: user.id, role: 'CLINIC_ADMIN' } });
      expect(changed.changeUserRole).toMatchObject({ id: user.id, role: 'CLINIC_ADMIN', status: 'ACTIVE' });
      expectGraphqlError(await user.client.request(ME), 'UNAUTHENTICATED');
      expect(await signsIn(user.email)).toBe(true);
    });

    it('keeps every role in its seat: nobody becomes a platform admin inside a clinic, and clinic admins never touch a platform admin', async () => {
      const user = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
      expectGraphqlError(await world.platformAdmin.request(CHANGE_USER_ROLE, { input: { id: user.id, role: 'PLATFORM_ADMIN' } }), 'BAD_USER_INPUT', 'input.role');
      const { me } = await world.platformAdmin.ok<{ me: { id: string } }>(ME);
      expectGraphqlError(await world.adminA.client.request(CHANGE_USER_ROLE, { input: { id: me.id, role: 'COORDINATOR' } }), 'NOT_FOUND');
    });
  });

  describe('a clinic always keeps one active admin', () => {
    /** A clinic with one active admin, signed in. */
    async function clinicWithOneAdmin() {
      const clinic = await createClinic(world.platformAdmin);
      return { clinic, admin: await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', clinic.id) };
    }

    it('refuses the last admin demoting themselves, and anyone demoting or disabling them (CONFLICT, LAST_ACTIVE_ADMIN)', async () => {
      const { clinic, admin } = await clinicWithOneAdmin();
      expectGraphqlReason(await admin.client.request(CHANGE_USER_ROLE, { input: { id: admin.id, role: 'COORDINATOR' } }), 'CONFLICT', ErrorReason.LAST_ACTIVE_ADMIN);
      expectGraphqlReason(await world.platformAdmin.request(CHANGE_USER_ROLE, { input: { id: admin.id, role: 'PROVIDER' } }), 'CONFLICT', ErrorReason.LAST_ACTIVE_ADMIN);
      expectGraphqlReason(await world.platformAdmin.request(DISABLE_USER, { input: { id: admin.id } }), 'CONFLICT', ErrorReason.LAST_ACTIVE_ADMIN);
      // An invited admin who has not accepted does not hold the seat yet.
      await admin.client.ok(INVITE_USER, { input: { email: uniqueEmail('next-admin'), displayName: 'Next Admin', role: 'CLINIC_ADMIN', clinicId: clinic.id } });
      expectGraphqlReason(await admin.client.request(CHANGE_USER_ROLE, { input: { id: admin.id, role: 'COORDINATOR' } }), 'CONFLICT', ErrorReason.LAST_ACTIVE_ADMIN);
      // Nothing changed.
      expect((await admin.client.ok<{ me: { role: string } }>('query { me { role } }')).me.role).toBe('CLINIC_ADMIN');
    });

    it('lets an admin step down once another active admin is there', async () => {
      const { clinic, admin } = await clinicWithOneAdmin();
      await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', clinic.id);
      expect((await admin.client.ok<{ changeUserRole: UserNode }>(CHANGE_USER_ROLE, { input: { id: admin.id, role: 'COORDINATOR' } })).changeUserRole.role).toBe('COORDINATOR');
    });

    it('of two admins demoting each other at once, exactly one succeeds', async () => {
      for (let round = 0; round < 3; round += 1) {
        const { clinic, admin: first } = await clinicWithOneAdmin();
        const second = await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', clinic.id);
        const answers: GraphqlResponse[] = await Promise.all([
          first.client.request(CHANGE_USER_ROLE, { input: { id: second.id, role: 'COORDINATOR' } }),
          second.client.request(CHANGE_USER_ROLE, { input: { id: first.id, role: 'COORDINATOR' } }),
        ]);
        const succeeded = answers.filter((answer) => answer.errors === undefined).length;
        expect({ round, succeeded }).toEqual({ round, succeeded: 1 });
        const admins = await usersOf(world.platformAdmin, { clinicId: clinic.id, role: 'CLINIC_ADMIN', status: 'ACTIVE' });
        expect(admins).toHaveLength(1);
      }
    });
  });

  describe('disableUser and enableUser', () => {
    it('enables a disabled user again, who signs in with their password; an invitation never accepted is re-sent instead', async () => {
      const user = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
      await world.adminA.client.ok(DISABLE_USER, { input: { id: user.id } });
      expect(await signsIn(user.email)).toBe(false);
      expect((await world.adminA.client.ok<{ enableUser: UserNode }>(ENABLE_USER, { input: { id: user.id } })).enableUser.status).toBe('ACTIVE');
      expect(await signsIn(user.email)).toBe(true);

      const { inviteUser } = await world.adminA.client.ok<{ inviteUser: UserNode }>(INVITE_USER, {
        input: { email: uniqueEmail('never-accepted'), displayName: 'Never Accepted', role: 'COORDINATOR', clinicId: world.clinicA.id },
      });
      await world.adminA.client.ok(REVOKE_INVITATION, { input: { userId: inviteUser.id } });
      expectGraphqlError(await world.adminA.client.request(ENABLE_USER, { input: { id: inviteUser.id } }), 'BAD_USER_INPUT', 'input.id');
    });

    it('refuses disabling yourself', async () => {
      expectGraphqlError(await world.adminB.client.request(DISABLE_USER, { input: { id: world.adminB.id } }), 'BAD_USER_INPUT', 'input.id');
    });
  });

  describe('clinics and updateClinic', () => {
    it("lists every clinic for a platform admin and a clinic admin's own; changes only the fields given", async () => {
      const all = (await world.platformAdmin.ok<{ clinics: { totalCount: number; edges: { node: { id: string } }[] } }>(CLINICS, { first: 100 })).clinics;
      expect(all.edges.map((edge) => edge.node.id)).toEqual(expect.arrayContaining([world.clinicA.id, world.clinicB.id, world.clinicC.id]));
      expect(all.totalCount).toBe(all.edges.length);
      const own = (await world.adminB.client.ok<{ clinics: { totalCount: number; edges: { node: { id: string } }[] } }>(CLINICS)).clinics;
      expect({ count: own.totalCount, ids: own.edges.map((edge) => edge.node.id) }).toEqual({ count: 1, ids: [world.clinicB.id] });

      const clinic = await createClinic(world.platformAdmin, { phone: '+1 312 555 0199' });
      const admin = await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', clinic.id);
      const renamed = await admin.client.ok<{ updateClinic: { name: string; phone: string | null; timeZone: string } }>(UPDATE_CLINIC, {
        input: { id: clinic.id, name: 'Renamed Bodywork', phone: null },
      });
      expect(renamed.updateClinic).toEqual({ id: clinic.id, name: 'Renamed Bodywork', phone: null, timeZone: expect.any(String) });
      expectGraphqlError(await admin.client.request(UPDATE_CLINIC, { input: { id: clinic.id, name: null } }), 'BAD_USER_INPUT', 'input.name');
      expectGraphqlError(await admin.client.request(UPDATE_CLINIC, { input: { id: clinic.id, timeZone: 'Mars/Olympus' } }), 'BAD_USER_INPUT', 'input.timeZone');
    });
  });

  /*
   * Every new operation as every kind of caller, each on a fresh target in clinic A: null is
   * success, otherwise the code (and reason) expected.
   */
  describe('the role matrix', () => {

    /** Each operation: what it does, made fresh for each caller, and the outcome per caller. */
    const OPERATIONS: Record<string, { run: (client: GraphqlClient, caller: Caller) => Promise<GraphqlResponse>; expected: Record<Caller, Outcome> }> = {
      inviteUser: {
        run: (client) => client.request(INVITE_USER, { input: { email: uniqueEmail('matrix'), displayName: 'Matrix Person', role: 'COORDINATOR', clinicId: world.clinicA.id } }),
        expected: { platformAdmin: null, clinicAdmin: null, coordinator: ROLE, provider: ROLE, otherClinicAdmin: CLINIC, disabled: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED' },
      },
      resendInvitation: {
        run: async (client) => client.request(RESEND_INVITATION, { input: { userId: await invitedInA() } }),
        expected: { platformAdmin: null, clinicAdmin: null, coordinator: ROLE, provider: ROLE, otherClinicAdmin: 'NOT_FOUND', disabled: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED' },
      },
      revokeInvitation: {
        run: async (client) => client.request(REVOKE_INVITATION, { input: { userId: await invitedInA() } }),
        expected: { platformAdmin: null, clinicAdmin: null, coordinator: ROLE, provider: ROLE, otherClinicAdmin: 'NOT_FOUND', disabled: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED' },
      },
      users: {
        run: (client) => client.request(USERS),
        expected: { platformAdmin: null, clinicAdmin: null, coordinator: ROLE, provider: ROLE, otherClinicAdmin: null, disabled: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED' },
      },
      clinics: {
        run: (client) => client.request(CLINICS),
        expected: { platformAdmin: null, clinicAdmin: null, coordinator: ROLE, provider: ROLE, otherClinicAdmin: null, disabled: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED' },
      },
      updateClinic: {
        run: (client) => client.request(UPDATE_CLINIC, { input: { id: world.clinicA.id, phone: '+1 312 555 0100' } }),
        expected: { platformAdmin: null, clinicAdmin: null, coordinator: ROLE, provider: ROLE, otherClinicAdmin: CLINIC, disabled: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED' },
      },
      changeUserRole: {
        run: async (client) => client.request(CHANGE_USER_ROLE, { input: { id: (await coordinatorInA()).id, role: 'PROVIDER' } }),
        expected: { platformAdmin: null, clinicAdmin: null, coordinator: ROLE, provider: ROLE, otherClinicAdmin: 'NOT_FOUND', disabled: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED' },
      },
      disableUser: {
        run: async (client) => client.request(DISABLE_USER, { input: { id: (await coordinatorInA()).id } }),
        expected: { platformAdmin: null, clinicAdmin: null, coordinator: ROLE, provider: ROLE, otherClinicAdmin: 'NOT_FOUND', disabled: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED' },
      },
      // Everyone reads their own account's events and two-factor status; admins more (account-events.e2e-spec.ts).
      accountEvents: {
        run: (client) => client.request(`query { accountEvents(first: 5) { totalCount } }`),
        expected: { platformAdmin: null, clinicAdmin: null, coordinator: null, provider: null, otherClinicAdmin: null, disabled: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED' },
      },
      twoFactorStatus: {
        run: (client) => client.request(`query { twoFactorStatus { enabled } }`),
        expected: { platformAdmin: null, clinicAdmin: null, coordinator: null, provider: null, otherClinicAdmin: null, disabled: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED' },
      },
      resetTwoFactor: {
        run: async (client, caller) => {
          const password = caller === 'platformAdmin' ? ADMIN_PASSWORD : USER_PASSWORD;
          return client.request(RESET_TWO_FACTOR, { input: { id: await enrolledCoordinatorInA(), password } });
        },
        expected: { platformAdmin: null, clinicAdmin: null, coordinator: ROLE, provider: ROLE, otherClinicAdmin: 'NOT_FOUND', disabled: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED' },
      },
      enableUser: {
        run: async (client) => {
          const user = await coordinatorInA();
          await world.platformAdmin.ok(DISABLE_USER, { input: { id: user.id } });
          return client.request(ENABLE_USER, { input: { id: user.id } });
        },
        expected: { platformAdmin: null, clinicAdmin: null, coordinator: ROLE, provider: ROLE, otherClinicAdmin: 'NOT_FOUND', disabled: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED' },
      },
    };

    const coordinatorInA = () => createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
    /** A coordinator of clinic A with an authenticator app enrolled: their id. */
    async function enrolledCoordinatorInA(): Promise<string> {
      const user = await coordinatorInA();
      const { beginTotpEnrolment } = await user.client.ok<{ beginTotpEnrolment: { secret: string } }>(`mutation { beginTotpEnrolment { secret } }`);
      await user.client.ok(`mutation($input: ConfirmTotpEnrolmentInput!) { confirmTotpEnrolment(input: $input) { codes } }`, {
        input: { code: totpCode(beginTotpEnrolment.secret, Date.now()), password: USER_PASSWORD },
      });
      return user.id;
    }
    async function invitedInA(): Promise<string> {
      const input = { email: uniqueEmail('matrix-invited'), displayName: 'Matrix Invited', role: 'COORDINATOR', clinicId: world.clinicA.id };
      return (await world.platformAdmin.ok<{ inviteUser: { id: string } }>(INVITE_USER, { input })).inviteUser.id;
    }
    let callers: Record<Caller, GraphqlClient>;

    beforeAll(async () => {
      callers = await matrixCallers(world);
    });

    it.each(Object.keys(OPERATIONS))('%s', async (name) => {
      const { run, expected } = OPERATIONS[name];
      const seen: Record<string, unknown> = {};
      for (const caller of Object.keys(expected) as Caller[]) {
        seen[caller] = outcomeOf(await run(callers[caller], caller));
      }
      expect(seen).toEqual(expected);
    });
  });
});
