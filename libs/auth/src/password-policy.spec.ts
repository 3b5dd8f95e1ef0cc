import { commonPasswordList, isCommonPassword } from './common-passwords';
import { PASSWORD_LENGTH, passwordProblem } from './password-policy';

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

  it('refuses a password on the shipped list of common and leaked ones, whatever its case', () => {
    for (const password of ['password1234', 'Password1234', 'QWERTY123456', 'iloveyou1234', '1q2w3e4r5t6y']) {
      expect({ password, problem: passwordProblem('password', password, account) }).toEqual({
        password,
        problem: 'password is on the list of common and leaked passwords that guessers try first; choose another',
      });
    }
  });
});

describe('the list of common passwords', () => {
  it('ships at least 100,000 entries, read offline from the package', () => {
    expect(commonPasswordList().length).toBeGreaterThanOrEqual(100_000);
  });

  it('holds the classics, and not a long passphrase', () => {
    expect(isCommonPassword('123456789012', PASSWORD_LENGTH.min)).toBe(true);
    expect(isCommonPassword('quiet-river-stones-42', PASSWORD_LENGTH.min)).toBe(false);
  });
});
