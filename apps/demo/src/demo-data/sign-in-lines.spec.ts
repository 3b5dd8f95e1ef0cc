import { DEMO_PASSWORD } from './demo-accounts';
import { signInLines } from './sign-in-lines';

describe('signInLines', () => {
  const address = 'Web app: http://localhost:3000/  ·  GraphiQL: http://localhost:3000/graphql';

  it('names the web app, a coordinator, a provider and the platform admin, and the one password, in three lines', () => {
    for (const state of ['loaded', 'already-loaded'] as const) {
      expect(signInLines('http://localhost:3000', state)).toEqual([
        address,
        '  sign in as priya@highland-chiro.example (coordinator), lee@northside-bodywork.example (provider)',
        `  or admin@referloop.example (platform admin); every demo user's password is ${DEMO_PASSWORD}`,
      ]);
    }
  });

  it('names no account when there is no demo data', () => {
    expect(signInLines('http://localhost:3000', 'off')).toEqual([address]);
    expect(signInLines('http://localhost:3000', 'not-empty')).toEqual([address, '  no demo data: the database already held users or clinics, so sign in with one of yours']);
  });
});
