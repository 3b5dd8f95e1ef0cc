import { AccountLinkTokens } from '@referloop/notifications';
import { Browser } from './support/browser';
import { createSignedInUser, uniqueEmail, USER_PASSWORD } from './support/fixtures';
import { GraphqlClient } from './support/graphql-client';
import { ACCEPT_INVITATION, CHANGE_PASSWORD, DISABLE_USER, INVITE_USER, LOGIN, REQUEST_PASSWORD_RESET, RESET_PASSWORD, REVOKE_INVITATION } from './support/operations';
import { useWorld } from './support/file-setup';

/*
 * Every account event is an audit entry (accountEvents): sign-ins and failed ones with a reason
 * code and never the password, invitations, resets, password changes, ended sessions, role
 * changes, disabling and enabling; each readable by platform admins, the account's clinic admins
 * and the account holder, and nobody else.
 */

const EVENTS = `query accountEvents($filter: AccountEventFilter, $first: Int) {
  accountEvents(filter: $filter, first: $first) { totalCount edges { node { event actorId userId ipAddress detail } } }
}`;
const CHANGE_USER_ROLE = `mutation changeUserRole($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { id } }`;
const ENABLE_USER = `mutation enableUser($input: EnableUserInput!) { enableUser(input: $input) { id } }`;
const REVOKE_SESSION = `mutation revokeSession($id: ID!) { revokeSession(id: $id) }`;
const NEW_PASSWORD = 'harbour-bell-lantern-5';

type EventNode = { event: string; actorId: string | null; userId: string | null; ipAddress: string | null; detail: string | null };

describe('account events', () => {
  const { app, world, db } = useWorld({ env: { LOGIN_MAX_FAILURES: '100' } });

  /** One account's events, oldest first, as its clinic's admin reads them. */
  const eventsOf = async (reader: GraphqlClient, userId: string): Promise<EventNode[]> =>
    (await reader.ok<{ accountEvents: { edges: { node: EventNode }[] } }>(EVENTS, { filter: { userId }, first: 100 })).accountEvents.edges.map((edge) => edge.node).reverse();
  const tokenOfLatestLink = async (userId: string) => {
    const { rows } = await db.query('SELECT id FROM account_links WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1', [userId]);
    return app.app.get(AccountLinkTokens).tokenFor(rows[0].id);
  };

  it("records an account's whole life, each with who did it, and never a password", async () => {
    const admin = world.adminA;
    const email = uniqueEmail('lifelong');
    const { inviteUser: user } = await admin.client.ok<{ inviteUser: { id: string } }>(INVITE_USER, { input: { email, displayName: 'Lifelong User', role: 'COORDINATOR', clinicId: world.clinicA.id } });
    const browser = new Browser(app.baseUrl);
    expect((await browser.send(ACCEPT_INVITATION, { input: { token: await tokenOfLatestLink(user.id), password: USER_PASSWORD } })).errors).toBeUndefined();
    expect((await world.anonymous.request(LOGIN, { input: { email, password: 'wrong-password-guess' } })).errors).toBeDefined();
    const { login } = await world.anonymous.ok<{ login: { accessToken: string } }>(LOGIN, { input: { email, password: USER_PASSWORD } });
    const client = world.anonymous.as(login.accessToken);
    await client.ok(CHANGE_PASSWORD, { input: { currentPassword: USER_PASSWORD, newPassword: NEW_PASSWORD } });
    const { mySessions } = await client.ok<{ mySessions: { id: string; current: boolean }[] }>('query { mySessions { id current } }');
    await client.ok(REVOKE_SESSION, { id: mySessions.find((session) => !session.current)?.id ?? mySessions[0].id });
    await world.anonymous.ok(REQUEST_PASSWORD_RESET, { input: { email } });
    await world.anonymous.ok(RESET_PASSWORD, { input: { token: await tokenOfLatestLink(user.id), password: `${NEW_PASSWORD}-again` } });
    await admin.client.ok(CHANGE_USER_ROLE, { input: { id: user.id, role: 'PROVIDER' } });
    await admin.client.ok(DISABLE_USER, { input: { id: user.id } });
    await admin.client.ok(ENABLE_USER, { input: { id: user.id } });

    const events = await eventsOf(admin.client, user.id);
    const by = (id: string | null) => (id === admin.id ? 'admin' : id === user.id ? 'user' : id);
    expect(events.map((event) => [event.event, by(event.actorId), event.detail])).toEqual([
      ['INVITATION_SENT', 'admin', null],
      ['INVITATION_ACCEPTED', 'user', null],
      ['SIGN_IN_SUCCEEDED', 'user', 'BROWSER'],
      ['SIGN_IN_FAILED', null, 'WRONG_PASSWORD'],
      ['SIGN_IN_SUCCEEDED', 'user', 'API'],
      ['PASSWORD_CHANGED', 'user', null],
      ['SESSION_REVOKED', 'user', 'REVOKED'],
      ['PASSWORD_RESET_REQUESTED', null, null],
      ['PASSWORD_RESET_DONE', 'user', null],
      ['ROLE_CHANGED', 'admin', 'COORDINATOR -> PROVIDER'],
      ['USER_DISABLED', 'admin', null],
      ['USER_ENABLED', 'admin', null],
    ]);
    for (const event of events) expect(event).toMatchObject({ userId: user.id, ipAddress: expect.stringMatching(/127\.0\.0\.1/) });
    const { rows } = await db.query(`SELECT count(*)::int AS leaks FROM account_events WHERE detail ILIKE '%' || $1 || '%' OR detail ILIKE '%' || $2 || '%'`, [USER_PASSWORD, NEW_PASSWORD]);
    expect(rows[0].leaks).toBe(0);
  });

  it('records a sign-in at an address with no account as failed, for no account, and a withdrawn invitation', async () => {
    expect((await world.anonymous.request(LOGIN, { input: { email: uniqueEmail('nobody'), password: 'any-password-at-all' } })).errors).toBeDefined();
    const { rows } = await db.query(`SELECT user_id, detail FROM account_events WHERE event = 'SIGN_IN_FAILED' AND detail = 'UNKNOWN_ACCOUNT'`);
    expect(rows).toEqual([{ user_id: null, detail: 'UNKNOWN_ACCOUNT' }]);

    const { inviteUser } = await world.adminA.client.ok<{ inviteUser: { id: string } }>(INVITE_USER, {
      input: { email: uniqueEmail('withdrawn'), displayName: 'Withdrawn Person', role: 'PROVIDER', clinicId: world.clinicA.id },
    });
    await world.adminA.client.ok(REVOKE_INVITATION, { input: { userId: inviteUser.id } });
    expect((await eventsOf(world.adminA.client, inviteUser.id)).map((event) => event.event)).toEqual(['INVITATION_SENT', 'INVITATION_REVOKED']);
  });

  it("shows a clinic admin their clinic's accounts only, anyone else their own only, and platform admins everyone's", async () => {
    const inB = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicB.id);
    const inA = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
    expect(await eventsOf(world.adminA.client, inB.id)).toEqual([]);
    expect((await eventsOf(world.adminB.client, inB.id)).map((event) => event.event)).toEqual(['SIGN_IN_SUCCEEDED']);
    expect((await eventsOf(world.platformAdmin, inB.id)).map((event) => event.event)).toEqual(['SIGN_IN_SUCCEEDED']);
    // A coordinator reads their own account's events, and nobody else's, whatever they ask for.
    expect(await eventsOf(inA.client, inB.id)).toEqual([]);
    expect((await eventsOf(inA.client, inA.id)).map((event) => event.event)).toEqual(['SIGN_IN_SUCCEEDED']);
    const own = await inA.client.ok<{ accountEvents: { edges: { node: EventNode }[] } }>(EVENTS, { first: 100 });
    expect(new Set(own.accountEvents.edges.map((edge) => edge.node.userId))).toEqual(new Set([inA.id]));
    expect((await world.anonymous.request(EVENTS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
