import { randomUUID } from 'node:crypto';
import { ErrorReason } from '@referloop/core';
import { AccountLinkTokens } from '@referloop/notifications';
import { REFER_ONWARD, SET_PLAN } from './support/episode-operations';
import { Browser } from './support/browser';
import { expectGraphqlReason } from './support/expectations';
import { clinicInput, createClinic, createSignedInUser, patientInput, referralInput, uniqueEmail, USER_PASSWORD } from './support/fixtures';
import { GraphqlClient, GraphqlResponse } from './support/graphql-client';
import { RETRY_NOTIFICATION } from './support/notification-rows';
import { ACCEPT_INVITATION, CREATE_CLINIC, CREATE_PATIENT, INVITE_USER, LOGIN, referralMutation, REQUEST_PASSWORD_RESET, RESEND_INVITATION } from './support/operations';
import { AREA, createProviderAt, poolReferralInput } from './support/pools';
import { useWorld } from './support/file-setup';
import { createDraft, referralIn } from './support/world';

/*
 * Each `extensions.reason` reaches the client on a real request, beside its code. The messages
 * and codes are asserted where each rule is tested; this file shows the reason a client branches
 * on. The last test checks that every member of the enum was seen here.
 */

/** Low, so that one account is refused after a couple of wrong passwords. */
const MAX_LOGIN_FAILURES = 2;
/** Low, so that one address is refused after a couple of reset requests. */
const MAX_RESET_REQUESTS = 2;

describe('extensions.reason: why a request was refused, for programs', () => {
  const { app, world, db } = useWorld({ env: { LOGIN_MAX_FAILURES: String(MAX_LOGIN_FAILURES), PASSWORD_RESET_MAX_REQUESTS: String(MAX_RESET_REQUESTS) } });
  /** Every reason a test below saw reach the client. */
  const seen = new Set<string>();

  function expectReason(response: GraphqlResponse, code: string, reason: ErrorReason, field?: string) {
    const error = expectGraphqlReason(response, code, reason, field);
    seen.add(reason);
    return error;
  }

  const lifecycle = (client: GraphqlClient, mutation: Parameters<typeof referralMutation>[0], input: Record<string, unknown>) =>
    client.request(referralMutation(mutation), { input });

  const planInput = (referralId: string, extra: Record<string, unknown> = {}) => ({
    referralId,
    longTermGoal: 'Full pain-free overhead reach',
    shortTermGoals: [{ description: 'Flexion to 140°', targetVisit: 2 }],
    plannedVisits: 4,
    visitsPerWeek: 1,
    ...extra,
  });

  describe('FORBIDDEN', () => {
    it("NOT_YOUR_SIDE: the referrer accepting their own referral; receiving staff setting the treating provider's plan", async () => {
      const sent = await referralIn(world, 'SENT');
      expectReason(await lifecycle(world.coordinatorA.client, 'acceptReferral', { id: sent.id }), 'FORBIDDEN', ErrorReason.NOT_YOUR_SIDE);
      const accepted = await referralIn(world, 'ACCEPTED');
      expectReason(await world.coordinatorB.client.request(SET_PLAN, { input: planInput(accepted.id) }), 'FORBIDDEN', ErrorReason.NOT_YOUR_SIDE);
    });

    it('NOT_YOUR_ROLE: a coordinator onboarding a clinic; a platform admin registering a patient', async () => {
      expectReason(await world.coordinatorA.client.request(CREATE_CLINIC, { input: clinicInput() }), 'FORBIDDEN', ErrorReason.NOT_YOUR_ROLE);
      expectReason(await world.platformAdmin.request(CREATE_PATIENT, { input: patientInput(world.clinicA.id) }), 'FORBIDDEN', ErrorReason.NOT_YOUR_ROLE);
    });

    it("NOT_YOUR_CLINIC: registering a patient in another clinic; a clinic admin inviting a user into another clinic", async () => {
      expectReason(await world.coordinatorA.client.request(CREATE_PATIENT, { input: patientInput(world.clinicB.id) }), 'FORBIDDEN', ErrorReason.NOT_YOUR_CLINIC);
      const user = { email: uniqueEmail('coordinator'), displayName: 'Test Person', role: 'COORDINATOR', clinicId: world.clinicB.id };
      expectReason(await world.adminA.client.request(INVITE_USER, { input: user }), 'FORBIDDEN', ErrorReason.NOT_YOUR_CLINIC);
    });
  });

  describe('INVALID_TRANSITION', () => {
    it('NOT_FROM_THIS_STATUS: accepting an accepted referral; a plan for a referral not yet accepted; retrying a notification that has not failed', async () => {
      const accepted = await referralIn(world, 'ACCEPTED');
      expectReason(await lifecycle(world.targetProvider.client, 'acceptReferral', { id: accepted.id }), 'INVALID_TRANSITION', ErrorReason.NOT_FROM_THIS_STATUS);
      const sent = await referralIn(world, 'SENT');
      expectReason(await world.targetProvider.client.request(SET_PLAN, { input: planInput(sent.id) }), 'INVALID_TRANSITION', ErrorReason.NOT_FROM_THIS_STATUS);
      // No worker runs here: the sent referral's emails wait in the outbox, PENDING.
      const pending = await db.query<{ id: string }>('SELECT id FROM notifications WHERE referral_id = $1 LIMIT 1', [sent.id]);
      expect(pending.rows).toHaveLength(1);
      expectReason(await world.platformAdmin.request(RETRY_NOTIFICATION, { input: { id: pending.rows[0].id } }), 'INVALID_TRANSITION', ErrorReason.NOT_FROM_THIS_STATUS);
    });

    it('ALREADY_ACKNOWLEDGED: acknowledging an outcome twice', async () => {
      const closed = await referralIn(world, 'LOOP_CLOSED');
      expectReason(await lifecycle(world.coordinatorA.client, 'acknowledgeReferralOutcome', { id: closed.id }), 'INVALID_TRANSITION', ErrorReason.ALREADY_ACKNOWLEDGED);
    });

    it('ALREADY_REDIRECTED: redirecting a declined referral twice', async () => {
      const declined = await referralIn(world, 'DECLINED');
      const redirect = (toProviderId: string) => lifecycle(world.coordinatorA.client, 'redirectReferral', { id: declined.id, toProviderId });
      expect((await redirect(world.alternateProvider.providerId)).errors).toBeUndefined();
      expectReason(await redirect(world.unrelatedProvider.providerId), 'INVALID_TRANSITION', ErrorReason.ALREADY_REDIRECTED);
    });

    it('POOL_TAKEN: a candidate accepting an open referral another provider has claimed', async () => {
      const near = { latitude: AREA.omaha.latitude, longitude: AREA.omaha.longitude };
      const candidate = () => createProviderAt(world.platformAdmin, { clinicId: world.clinicB.id, location: near, modalities: ['PHYSICAL_THERAPY'] });
      const [winner, loser] = [await candidate(), await candidate()];
      const open = await world.coordinatorA.client.ok<{ createReferral: { id: string } }>(referralMutation('createReferral'), {
        input: poolReferralInput(world.patient.id, { near, radiusKm: 25 }, { send: true }),
      });
      const id = open.createReferral.id;
      expect((await lifecycle(winner.client, 'acceptReferral', { id })).errors).toBeUndefined();
      expectReason(await lifecycle(loser.client, 'acceptReferral', { id }), 'INVALID_TRANSITION', ErrorReason.POOL_TAKEN);
    });
  });

  describe('CONFLICT', () => {
    it('STALE_VERSION: accepting a referral at a version it is no longer at', async () => {
      const sent = await referralIn(world, 'SENT');
      const error = expectReason(
        await lifecycle(world.targetProvider.client, 'acceptReferral', { id: sent.id, expectedVersion: sent.version - 1 }),
        'CONFLICT',
        ErrorReason.STALE_VERSION,
      );
      expect(error.extensions?.currentVersion).toBe(sent.version);
    });

    it('STALE_PLAN_VERSION: changing a treatment plan from a version it is no longer at', async () => {
      const accepted = await referralIn(world, 'ACCEPTED');
      await world.targetProvider.client.ok(SET_PLAN, { input: planInput(accepted.id) });
      const error = expectReason(
        await world.targetProvider.client.request(SET_PLAN, { input: planInput(accepted.id, { expectedPlanVersion: 0 }) }),
        'CONFLICT',
        ErrorReason.STALE_PLAN_VERSION,
      );
      expect(error.extensions?.currentPlanVersion).toBe(1);
    });
  });

  it('FORBIDDEN with TWO_FACTOR_ENROLMENT_REQUIRED: a session of a clinic that requires two-factor sign-in, before enrolling', async () => {
    const clinic = await createClinic(world.platformAdmin);
    const admin = await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', clinic.id);
    await world.platformAdmin.ok(`mutation($input: UpdateClinicInput!) { updateClinic(input: $input) { id } }`, { input: { id: clinic.id, requireTwoFactor: true } });
    const { login } = await world.anonymous.ok<{ login: { accessToken: string } }>(LOGIN, { input: { email: admin.email, password: USER_PASSWORD } });
    expectReason(await world.anonymous.as(login.accessToken).request(`query { clinics { totalCount } }`), 'FORBIDDEN', ErrorReason.TWO_FACTOR_ENROLMENT_REQUIRED);
  });

  describe('BAD_USER_INPUT', () => {
    it("CONSENT_MISSING: sending a draft, creating and sending, or referring on, without the patient's consent to share", async () => {
      const draft = await createDraft(world, { consentToShare: false });
      expectReason(await lifecycle(world.coordinatorA.client, 'sendReferral', { id: draft.id }), 'BAD_USER_INPUT', ErrorReason.CONSENT_MISSING, 'input.id');
      const unshared = { ...referralInput(world.patient.id, world.targetProvider.providerId), consentToShare: false, send: true, idempotencyKey: randomUUID() };
      expectReason(await lifecycle(world.coordinatorA.client, 'createReferral', unshared), 'BAD_USER_INPUT', ErrorReason.CONSENT_MISSING, 'input.consentToShare');
      const onward = { referralId: randomUUID(), modality: 'MASSAGE', reason: 'Onward care', toProviderId: world.referringProvider.providerId, consentToShare: false };
      expectReason(await world.targetProvider.client.request(REFER_ONWARD, { input: onward }), 'BAD_USER_INPUT', ErrorReason.CONSENT_MISSING, 'input.consentToShare');
    });

    it('ITEMS_OVER_LIMIT: aliases that together ask for more list items than one request may', async () => {
      const fourPages = `{ ${[0, 1, 2, 3].map((i) => `l${i}: referrals(first: 100) { edges { node { id } } }`).join(' ')} }`;
      expectReason(await world.coordinatorA.client.request(fourPages), 'BAD_USER_INPUT', ErrorReason.ITEMS_OVER_LIMIT, 'first');
    });

    it('LINK_USED, LINK_REVOKED, LINK_EXPIRED: accepting an invitation with a spent, a replaced and an expired link', async () => {
      const invite = async () => {
        const input = { email: uniqueEmail('invited'), displayName: 'Avery Quinlan', role: 'COORDINATOR', clinicId: world.clinicA.id };
        return (await world.adminA.client.ok<{ inviteUser: { id: string } }>(INVITE_USER, { input })).inviteUser.id;
      };
      /** The token of the user's current invitation link, as its email carries it. */
      const tokenOf = async (userId: string) => {
        const { rows } = await db.query('SELECT id FROM account_links WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1', [userId]);
        return app.app.get(AccountLinkTokens).tokenFor(rows[0].id);
      };
      const accept = (token: string) => world.anonymous.request(ACCEPT_INVITATION, { input: { token, password: 'quiet-river-stones-42' } });

      const spent = await tokenOf(await invite());
      expect((await accept(spent)).errors).toBeUndefined();
      expectReason(await accept(spent), 'BAD_USER_INPUT', ErrorReason.LINK_USED, 'input.token');

      const replacedUser = await invite();
      const replaced = await tokenOf(replacedUser);
      await world.adminA.client.ok(RESEND_INVITATION, { input: { userId: replacedUser } });
      expectReason(await accept(replaced), 'BAD_USER_INPUT', ErrorReason.LINK_REVOKED, 'input.token');

      const expiredUser = await invite();
      await db.query(`UPDATE account_links SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [expiredUser]);
      expectReason(await accept(await tokenOf(expiredUser)), 'BAD_USER_INPUT', ErrorReason.LINK_EXPIRED, 'input.token');
    });
  });

  it("CONFLICT with LAST_ACTIVE_ADMIN: a clinic's only admin stepping down", async () => {
    const clinic = await createClinic(world.platformAdmin);
    const admin = await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', clinic.id);
    const demote = `mutation($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { id } }`;
    expectReason(await admin.client.request(demote, { input: { id: admin.id, role: 'COORDINATOR' } }), 'CONFLICT', ErrorReason.LAST_ACTIVE_ADMIN);
  });

  it('TOO_MANY_REQUESTS with TOO_MANY_RESET_REQUESTS: asking for password resets for one address past the limit', async () => {
    const ask = () => world.anonymous.request(REQUEST_PASSWORD_RESET, { input: { email: world.coordinatorC.email } });
    for (let request = 0; request < MAX_RESET_REQUESTS; request += 1) expect((await ask()).errors).toBeUndefined();
    const error = expectReason(await ask(), 'TOO_MANY_REQUESTS', ErrorReason.TOO_MANY_RESET_REQUESTS);
    expect(error.extensions?.retryAfterSeconds).toEqual(expect.any(Number));
  });

  it('QUERY_TOO_EXPENSIVE with COST_OVER_LIMIT: matching for fifty referrals at once', async () => {
    const costly = `{ referrals(first: 50) { edges { node { suggestedProviders(first: 1) { score } } } } }`;
    const error = expectReason(await world.coordinatorA.client.request(costly), 'QUERY_TOO_EXPENSIVE', ErrorReason.COST_OVER_LIMIT);
    expect(error.extensions).toMatchObject({ cost: expect.any(Number), maxCost: expect.any(Number) });
  });

  it('TOO_MANY_REQUESTS with TOO_MANY_SIGN_IN_FAILURES: signing in after too many wrong passwords', async () => {
    const login = (password: string) => world.anonymous.request(LOGIN, { input: { email: world.coordinatorC.email, password } });
    for (let failure = 0; failure < MAX_LOGIN_FAILURES; failure += 1) expect((await login('wrong-password')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const error = expectReason(await login(USER_PASSWORD), 'TOO_MANY_REQUESTS', ErrorReason.TOO_MANY_SIGN_IN_FAILURES);
    expect(error.extensions?.retryAfterSeconds).toEqual(expect.any(Number));
  });

  describe('UNAUTHENTICATED', () => {
    /** A browser signed in as a new user of its own. */
    async function signedInBrowser(): Promise<Browser> {
      const user = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
      const browser = new Browser(app.baseUrl);
      expect((await browser.signIn(user.email, USER_PASSWORD)).errors).toBeUndefined();
      return browser;
    }

    it('SESSION_REVOKED: refreshing a browser session that was signed out', async () => {
      const browser = await signedInBrowser();
      const copy = browser.copy();
      expect((await browser.send(`mutation { signOut }`)).data).toEqual({ signOut: true });
      expectReason(await copy.refresh(), 'UNAUTHENTICATED', ErrorReason.SESSION_REVOKED);
    });

    it('SESSION_EXPIRED: refreshing a browser session past its expiry', async () => {
      const browser = await signedInBrowser();
      const sessionId = (browser.cookie as string).split('.')[0];
      await db.query(`UPDATE user_sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [sessionId]);
      expectReason(await browser.refresh(), 'UNAUTHENTICATED', ErrorReason.SESSION_EXPIRED);
    });
  });

  // Runs last (Jest keeps the order of a file's tests): each reason has been shown above.
  it('every reason of the enum was seen reaching a client', () => {
    expect([...seen].sort()).toEqual(Object.values(ErrorReason).sort());
  });
});
