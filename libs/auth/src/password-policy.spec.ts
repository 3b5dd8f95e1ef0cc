import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  const account = { email: 'priya.natarajan@highland-chiro.example', displayName: 'Priya Natarajan' };

  it.each([
    ['PriyaNatarajan2026!', 'newPassword must not contain your email address'],
    ['my-natarajan-password', 'newPassword must not contain your email address'],
    ['correct horse PRIYA staple', 'newPassword must not contain your email address'],
  ])('refuses %s, which holds part of the email address', (password, problem) => {
    expect(passwordProblem('newPassword', password, account)).toBe(problem);
  });

  it('refuses a part of the name that is not in the email address', () => {
    expect(passwordProblem('newPassword', 'walking-with-Okonkwo-again', { email: 'p.n@clinic.example', displayName: 'Chidi Okonkwo' })).toBe('newPassword must not contain your name');
  });

  it('accepts a password with none of it, the clinic domain and short parts included', () => {
    expect(passwordProblem('newPassword', 'highland-chiro-orchard-lamp', account)).toBeNull();
    expect(passwordProblem('newPassword', 'al jo ed river stone', { email: 'al.jo@clinic.example', displayName: 'Al Jo' })).toBeNull();
  });
});
