import { USER_PASSWORD, createClinic, createSignedInUser, signInAsPlatformAdmin, uniqueEmail } from './support/fixtures';
import { expectGraphqlError } from './support/expectations';
import { LOGIN } from './support/operations';
import { useTestApp } from './support/file-setup';

const MAX_FAILURES = 3;

describe('failed logins are throttled per account and per address', () => {
  const { app: testApp } = useTestApp({ env: { LOGIN_MAX_FAILURES: String(MAX_FAILURES) } });

  it(`refuses even the right password after ${MAX_FAILURES} failures (TOO_MANY_REQUESTS)`, async () => {
    const admin = await signInAsPlatformAdmin(testApp.anonymous);
    const clinic = await createClinic(admin);
    const user = await createSignedInUser(admin, 'COORDINATOR', clinic.id);
    const attempt = (password: string) => testApp.anonymous.request(LOGIN, { input: { email: user.email, password } });

    // The right password works before any failure (positive control).
    expect((await attempt(USER_PASSWORD)).errors).toBeUndefined();

    for (let failure = 1; failure <= MAX_FAILURES; failure += 1) {
      expectGraphqlError(await attempt(`wrong-password-${failure}`), 'UNAUTHENTICATED');
    }
    expectGraphqlError(await attempt(USER_PASSWORD), 'TOO_MANY_REQUESTS');
    expectGraphqlError(await attempt('wrong-password-again'), 'TOO_MANY_REQUESTS');
  });

  it('also throttles per address: many failures over many accounts lock out even a fresh account', async () => {
    const admin = await signInAsPlatformAdmin(testApp.anonymous);
    const clinic = await createClinic(admin);
    const fresh = await createSignedInUser(admin, 'COORDINATOR', clinic.id);

    // Spray wrong passwords over distinct unknown accounts until the address is refused.
    let refusedAfter = 0;
    for (let attempt = 1; attempt <= 200 && refusedAfter === 0; attempt += 1) {
      const response = await testApp.anonymous.request(LOGIN, { input: { email: uniqueEmail('spray'), password: 'wrong-password-123' } });
      const code = response.errors?.[0]?.extensions?.code;
      if (code === 'TOO_MANY_REQUESTS') refusedAfter = attempt;
      else expect(code).toBe('UNAUTHENTICATED');
    }
    expect(refusedAfter).toBeGreaterThan(MAX_FAILURES);
    expectGraphqlError(
      await testApp.anonymous.request(LOGIN, { input: { email: fresh.email, password: USER_PASSWORD } }),
      'TOO_MANY_REQUESTS',
    );
  });
});
