import { Browser } from './support/browser';
import { expectGraphqlError } from './support/expectations';
import { Actor, createSignedInUser, signIn, USER_PASSWORD } from './support/fixtures';
import { CHANGE_PASSWORD, ME } from './support/operations';
import { useWorld } from './support/file-setup';

/*
 * changePassword over real HTTP: the signed-in user gives the current password and a new one;
 * the old one stops signing in, the new one works, every other browser session of theirs ends at
 * once and the one asking carries on. Refusals name their field and change nothing.
 */
const NEW_PASSWORD = 'a-quiet-river-under-glass-7';

describe('changePassword', () => {
  const { app, world, db } = useWorld({ env: { LOGIN_MAX_FAILURES: '100' } });
  const newUser = (): Promise<Actor> => createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);

  async function signedInBrowser(user: Actor, password = USER_PASSWORD): Promise<Browser> {
    const browser = new Browser(app.baseUrl);
    expect((await browser.signIn(user.email, password)).errors).toBeUndefined();
    return browser;
  }
  const passwordHashOf = async (userId: string): Promise<string> => (await db.query('SELECT password_hash FROM users WHERE id = $1', [userId])).rows[0].password_hash;

  it('replaces the password: the old one no longer signs in, the new one does; the other sessions end, this one carries on', async () => {
    const user = await newUser();
    const [here, elsewhere] = [await signedInBrowser(user), await signedInBrowser(user)];

    const answer = await here.send<{ changePassword: boolean }>(CHANGE_PASSWORD, { input: { currentPassword: USER_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ changePassword: true });

    expectGraphqlError(await new Browser(app.baseUrl).signIn(user.email, USER_PASSWORD), 'UNAUTHENTICATED');
    await signIn(app.anonymous, user.email, NEW_PASSWORD);
    // The other browser is signed out at once; this one is not.
    expectGraphqlError(await app.anonymous.as(elsewhere.accessToken).request(ME), 'UNAUTHENTICATED');
    expect((await elsewhere.refresh()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await here.refresh()).errors).toBeUndefined();
    // So is the API client's session the user was created with (login).
    expectGraphqlError(await user.client.request(ME), 'UNAUTHENTICATED');
    const { rows } = await db.query('SELECT revoked_reason FROM user_sessions WHERE user_id = $1 ORDER BY created_at', [user.id]);
    // Ended: the first login's and the other browser's; open: this browser's and the login with the new password.
    expect(rows.map((row: { revoked_reason: string | null }) => row.revoked_reason)).toEqual(['PASSWORD_CHANGED', null, 'PASSWORD_CHANGED', null]);
  });

  it.each([
    ['a wrong current password', { currentPassword: 'not-the-password-at-all', newPassword: NEW_PASSWORD }, 'input.currentPassword', 'currentPassword is not the password you sign in with now'],
    ['the same password again', { currentPassword: USER_PASSWORD, newPassword: USER_PASSWORD }, 'input.newPassword', 'newPassword must differ from your current password'],
    ['a password holding part of the email address', { currentPassword: USER_PASSWORD, newPassword: 'my-coordinator-secret-99' }, 'input.newPassword', 'newPassword must not contain your email address'],
    ['a password too short', { currentPassword: USER_PASSWORD, newPassword: 'short-1' }, 'input.newPassword', 'newPassword must be 12 to 200 characters long'],
  ])('refuses %s, naming the field, and changes nothing', async (_case, input, field, message) => {
    const user = await newUser();
    const [here, elsewhere] = [await signedInBrowser(user), await signedInBrowser(user)];
    const before = await passwordHashOf(user.id);

    const refused = expectGraphqlError(await here.send(CHANGE_PASSWORD, { input }), 'BAD_USER_INPUT', field);
    expect(refused.message).toContain(message);
    expect(await passwordHashOf(user.id)).toBe(before);
    expect((await elsewhere.refresh()).errors).toBeUndefined();
  });

  it('needs a signed-in caller', async () => {
    expectGraphqlError(await app.anonymous.request(CHANGE_PASSWORD, { input: { currentPassword: USER_PASSWORD, newPassword: NEW_PASSWORD } }), 'UNAUTHENTICATED');
  });
});
