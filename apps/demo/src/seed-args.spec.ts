import { parseSeedArgs, SEED_DEFAULTS } from './seed-args';

describe('npm run seed arguments', () => {
  it('defaults, both flag forms and --append', () => {
    expect(parseSeedArgs([])).toEqual({ ...SEED_DEFAULTS, append: false, help: false });
    expect(parseSeedArgs(['--providers', '20', '--referrals=200', '--append'])).toEqual({ providers: 20, referrals: 200, append: true, help: false });
  });

  it.each([
    [['--providers', 'many'], /--providers must be a whole number from 1 to 1,000,000, got "many"/],
    [['--referrals', '0'], /--referrals must be a whole number from 1 to 10,000,000, got "0"/],
    [['--referrals', '1.5'], /--referrals must be a whole number/],
    [['--providers'], /--providers needs a number/],
    [['--append=yes'], /--append takes no value/],
    [['--clinics', '3'], /unknown argument "--clinics"/],
  ])('%j is refused naming the flag', (argv, message) => {
    expect(() => parseSeedArgs(argv)).toThrow(message);
  });
});
