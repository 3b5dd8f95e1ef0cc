import { ErrorReason } from '@referloop/core';
import { linkTokenIn, nthEmailTo } from './support/account-links';
import { Browser } from './support/browser';
import { expectGraphqlError, expectGraphqlReason } from './support/expectations';
import { createSignedInUser, uniqueEmail } from './support/fixtures';
import { GraphqlClient } from './support/graphql-client';
import { ACCEPT_INVITATION, ACCOUNT_LINK, INVITE_USER, LOGIN, ME, RESEND_INVITATION, REVOKE_INVITATION } from './support/operations';
import { usePipeline } from './support/file-setup';

/*
 * Accounts start with an invitation, over real HTTP with the worker and an SMTP server: an admin
 * invites, the email carries a single-use link to /welcome#<token>, the person chooses a password
 * there and is signed in. Re-sending replaces the link, withdrawing disables the account, and a
 * link that no longer works says why. Who may invite whom is the rule of user-rules.ts.
 */

const PASSWORD = 'quiet-river-stones-42';
const DAY_MS = 24 * 3600 * 1000;

type Invited = { id: string; email: string; displayName: string; role: string; clinicId: string | null; status: string; disabled: boolean };
type LinkCheck = { state: string; kind: string | null; problem: string | null; email: string | null; displayName: string | null; expiresAt: string | null };

describe('invitations: inviteUser, the email, acceptInvitation', () => {
  const { app, world, db, smtp } = usePipeline();

  /** Invites a new person as `role` at `clinicId` and returns the account and the token of the email that arrived. */
  async function invited(by: GraphqlClient, role: string, clinicId: string | null, displayName = 'Robin Ashdown'): Promise<{ user: Invited; token: string }> {
    const email = uniqueEmail('invited');
    const { inviteUser: user } = await by.ok<{ inviteUser: Invited }>(INVITE_USER, { input: { email, displayName, role, clinicId } });
    return { user, token: linkTokenIn(await nthEmailTo(smtp, email, 1), 'welcome') };
  }

  const checkOf = async (token: string): Promise<LinkCheck> => (await app.anonymous.ok<{ accountLink: LinkCheck }>(ACCOUNT_LINK, { token })).accountLink;
  const accept = (token: string, password = PASSWORD) => new Browser(app.baseUrl).send<{ acceptInvitation: { accessToken: string; user: { id: string; status: string } } }>(ACCEPT_INVITATION, { input: { token, password } });

  it("a platform admin invites a clinic's first admin: INVITED, an email with the link, and the account accepts it, signed in at once", async () => {
    const { user, token } = await invited(world.platformAdmin, 'CLINIC_ADMIN', world.clinicC.id, 'Morgan Ellery');
    expect(user).toMatchObject({ role: 'CLINIC_ADMIN', clinicId: world.clinicC.id, status: 'INVITED', disabled: false });
    const [mail] = smtp.to(user.email);
    expect(mail.subject).toMatch(/^You are invited to .+ on ReferLoop$/);
    expect(mail.text).toContain('Hello Morgan Ellery,');
    expect(mail.text).toContain(`${app.config.links.publicUrl}/welcome#${token}`);
    // Nobody can sign in to an invited account: it has no password yet.
    expectGraphqlError(await app.anonymous.request(LOGIN, { input: { email: user.email, password: PASSWORD } }), 'UNAUTHENTICATED');

    const check = await checkOf(token);
    expect(check).toMatchObject({ state: 'OPEN', kind: 'INVITATION', problem: null, email: user.email, displayName: 'Morgan Ellery' });
    // Seven days by default.
    expect(Date.parse(check.expiresAt as string) - Date.now()).toBeGreaterThan(7 * DAY_MS - 60_000);
    expect(Date.parse(check.expiresAt as string) - Date.now()).toBeLessThanOrEqual(7 * DAY_MS);

    const browser = new Browser(app.baseUrl);
    const answer = await browser.send<{ acceptInvitation: { accessToken: string; refreshToken: string | null; user: { id: string; status: string } } }>(ACCEPT_INVITATION, {
      input: { token, password: PASSWORD },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.acceptInvitation).toMatchObject({ refreshToken: null, user: { id: user.id, status: 'ACTIVE' } });
    // Signed in as signIn signs a browser in: a session cookie, and an access token for it.
    expect(answer.sessionCookies).toHaveLength(1);
    expect((await app.anonymous.as(answer.data?.acceptInvitation.accessToken).ok<{ me: { id: string } }>(ME)).me.id).toBe(user.id);
    expect((await browser.refresh()).errors).toBeUndefined();
    // And the password chosen signs in from anywhere.
    expect((await app.anonymous.request(LOGIN, { input: { email: user.email, password: PASSWORD } })).errors).toBeUndefined();
  });

  it('spends the link: a second acceptance is refused as used, and the page is told so in words', async () => {
    const { token } = await invited(world.adminA.client, 'COORDINATOR', world.clinicA.id);
    expect((await accept(token)).errors).toBeUndefined();
    expectGraphqlReason(await accept(token, 'another-password-entirely'), 'BAD_USER_INPUT', ErrorReason.LINK_USED, 'input.token');
    expect(await checkOf(token)).toMatchObject({ state: 'USED', kind: 'INVITATION', problem: expect.stringMatching(/already been accepted/), email: null });
  });

  it('of two acceptances at once, exactly one succeeds', async () => {
    const { token } = await invited(world.adminA.client, 'COORDINATOR', world.clinicA.id);
    const answers = await Promise.all([accept(token), accept(token)]);
    expect(answers.filter((answer) => answer.errors === undefined)).toHaveLength(1);
    expectGraphqlReason(answers.find((answer) => answer.errors !== undefined) ?? answers[0], 'BAD_USER_INPUT', ErrorReason.LINK_USED, 'input.token');
  });

  it('re-sending replaces the link: the first stops working (LINK_REVOKED), the second works; two emails, two Message-IDs', async () => {
    const { user, token: first } = await invited(world.adminB.client, 'PROVIDER', world.clinicB.id);
    expect((await world.adminB.client.ok<{ resendInvitation: { status: string } }>(RESEND_INVITATION, { input: { userId: user.id } })).resendInvitation.status).toBe('INVITED');
    const second = linkTokenIn(await nthEmailTo(smtp, user.email, 2), 'welcome');
    expect(second).not.toBe(first);
    expect(new Set(smtp.to(user.email).map((mail) => mail.messageId)).size).toBe(2);

    expect(await checkOf(first)).toMatchObject({ state: 'REVOKED', problem: expect.stringMatching(/newer one was sent/) });
    expectGraphqlReason(await accept(first), 'BAD_USER_INPUT', ErrorReason.LINK_REVOKED, 'input.token');
    expect((await accept(second)).errors).toBeUndefined();
    // Accepted: nothing left to re-send.
    expectGraphqlError(await world.adminB.client.request(RESEND_INVITATION, { input: { userId: user.id } }), 'BAD_USER_INPUT', 'input.userId');
  });

  it('withdrawing disables the account and kills the link; re-sending renews both', async () => {
    const { user, token } = await invited(world.adminA.client, 'COORDINATOR', world.clinicA.id);
    expect((await world.adminA.client.ok<{ revokeInvitation: { status: string } }>(REVOKE_INVITATION, { input: { userId: user.id } })).revokeInvitation.status).toBe('DISABLED');
    expect(await checkOf(token)).toMatchObject({ state: 'REVOKED' });
    expectGraphqlReason(await accept(token), 'BAD_USER_INPUT', ErrorReason.LINK_REVOKED, 'input.token');

    await world.adminA.client.ok(RESEND_INVITATION, { input: { userId: user.id } });
    const renewed = linkTokenIn(await nthEmailTo(smtp, user.email, 2), 'welcome');
    expect((await accept(renewed)).data?.acceptInvitation.user).toEqual({ id: user.id, email: user.email, status: 'ACTIVE' });
  });

  it('an expired link is refused as expired, and the admin can send a new one', async () => {
    const { user, token } = await invited(world.adminA.client, 'COORDINATOR', world.clinicA.id);
    await db.query(`UPDATE account_links SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    expect(await checkOf(token)).toMatchObject({ state: 'EXPIRED', problem: expect.stringMatching(/expired/) });
    expectGraphqlReason(await accept(token), 'BAD_USER_INPUT', ErrorReason.LINK_EXPIRED, 'input.token');
    await world.adminA.client.ok(RESEND_INVITATION, { input: { userId: user.id } });
    expect((await accept(linkTokenIn(await nthEmailTo(smtp, user.email, 2), 'welcome'))).errors).toBeUndefined();
  });

  it('refuses a token that is not ours, naming the field, and the page hears INVALID', async () => {
    const { token } = await invited(world.adminA.client, 'COORDINATOR', world.clinicA.id);
    const altered = `${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    for (const bad of ['garbage', altered, `${token}.x`]) {
      const refused = expectGraphqlError(await accept(bad), 'BAD_USER_INPUT', 'input.token');
      expect(refused.extensions?.reason).toBeUndefined();
      expect((await checkOf(bad)).state).toBe('INVALID');
    }
    // None of that touched the real link.
    expect((await checkOf(token)).state).toBe('OPEN');
  });

  it('holds the chosen password to the policy, and a refusal leaves the link usable', async () => {
    const { user, token } = await invited(world.adminA.client, 'COORDINATOR', world.clinicA.id, 'Quillon Marchetti');
    expectGraphqlError(await accept(token, 'short'), 'BAD_USER_INPUT', 'input.password');
    expectGraphqlError(await accept(token, 'my-name-is-marchetti-ok'), 'BAD_USER_INPUT', 'input.password');
    expectGraphqlError(await accept(token, `${user.email.split('@')[0]}-1234`), 'BAD_USER_INPUT', 'input.password');
    expect((await checkOf(token)).state).toBe('OPEN');
    expect((await accept(token)).errors).toBeUndefined();
  });

  describe('who may invite whom', () => {
    const input = (role: string, clinicId: string | null) => ({ input: { email: uniqueEmail('nobody'), displayName: 'Nobody Atall', role, clinicId } });

    it('clinic admins invite admins, coordinators and providers of their own clinic only, never a platform admin', async () => {
      for (const role of ['CLINIC_ADMIN', 'COORDINATOR', 'PROVIDER']) {
        expect((await world.adminA.client.ok<{ inviteUser: Invited }>(INVITE_USER, input(role, world.clinicA.id))).inviteUser.status).toBe('INVITED');
      }
      expectGraphqlReason(await world.adminA.client.request(INVITE_USER, input('COORDINATOR', world.clinicB.id)), 'FORBIDDEN', ErrorReason.NOT_YOUR_CLINIC);
      expectGraphqlReason(await world.adminA.client.request(INVITE_USER, input('PLATFORM_ADMIN', null)), 'FORBIDDEN', ErrorReason.NOT_YOUR_ROLE);
    });

    it('coordinators, providers and anonymous callers invite nobody', async () => {
      expectGraphqlReason(await world.coordinatorA.client.request(INVITE_USER, input('COORDINATOR', world.clinicA.id)), 'FORBIDDEN', ErrorReason.NOT_YOUR_ROLE);
      expectGraphqlReason(await world.referringProvider.client.request(INVITE_USER, input('PROVIDER', world.clinicA.id)), 'FORBIDDEN', ErrorReason.NOT_YOUR_ROLE);
      expectGraphqlError(await app.anonymous.request(INVITE_USER, input('COORDINATOR', world.clinicA.id)), 'UNAUTHENTICATED');
    });

    it("another clinic's invited users do not exist for a clinic admin; nobody else manages invitations at all", async () => {
      const { user } = await invited(world.adminB.client, 'COORDINATOR', world.clinicB.id);
      for (const operation of [RESEND_INVITATION, REVOKE_INVITATION]) {
        expectGraphqlError(await world.adminA.client.request(operation, { input: { userId: user.id } }), 'NOT_FOUND');
        expectGraphqlReason(await world.coordinatorB.client.request(operation, { input: { userId: user.id } }), 'FORBIDDEN', ErrorReason.NOT_YOUR_ROLE);
      }
    });

    it('refuses an address already in use, a clinic for a platform admin and none for anyone else, naming the field, and writes nothing', async () => {
      const existing = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
      const taken = { input: { email: existing.email.toUpperCase(), displayName: 'Twice Over', role: 'COORDINATOR', clinicId: world.clinicA.id } };
      expectGraphqlError(await world.adminA.client.request(INVITE_USER, taken), 'BAD_USER_INPUT', 'input.email');
      expectGraphqlError(await world.platformAdmin.request(INVITE_USER, input('PLATFORM_ADMIN', world.clinicA.id)), 'BAD_USER_INPUT', 'input.clinicId');
      expectGraphqlError(await world.platformAdmin.request(INVITE_USER, input('COORDINATOR', null)), 'BAD_USER_INPUT', 'input.clinicId');
      const { rows } = await db.query(`SELECT count(*)::int AS links FROM account_links l JOIN users u ON u.id = l.user_id WHERE u.email = $1`, [existing.email]);
      expect(rows[0].links).toBe(0);
    });
  });
});
