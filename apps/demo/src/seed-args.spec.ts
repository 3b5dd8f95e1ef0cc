import { parseSeedArgs, providersFor, SEED_DEFAULTS } from './seed-args';

describe('npm run seed arguments', () => {
  it('defaults, both flag forms and --append', () => {
    expect(parseSeedArgs([])).toEqual({ ...SEED_DEFAULTS, append: false, help: false });
    expect(parseSeedArgs(['--providers', '20', '--referrals=200', '--append'])).toEqual({ providers: 20, referrals: 200, append: true, help: false });
    expect(parseSeedArgs(['--referrals', '500', '--audit-entries=0'])).toMatchObject({ referrals: 500, auditEntries: 0 });
  });

  it('grows the providers with the referrals unless told how many', () => {
    expect(parseSeedArgs(['--referrals', '100000']).providers).toBe(200);
    expect(parseSeedArgs(['--referrals', '1000000']).providers).toBe(2000);
    expect(parseSeedArgs(['--referrals', '1000000', '--providers', '50']).providers).toBe(50);
    expect(providersFor(10)).toBe(SEED_DEFAULTS.providers);
    // Unset, the audit entries are the seed's to choose (ten to a referral).
    expect(parseSeedArgs(['--referrals', '1000000']).auditEntries).toBeUndefined();
  });

  it.each([
    [['--providers', 'many'], /--providers must be a whole number from 1 to 1,000,000, got "many"/],
    [['--referrals', '0'], /--referrals must be a whole number from 1 to 10,000,000, got "0"/],
    [['--referrals', '1.5'], /--referrals must be a whole number/],
    [['--providers'], /--providers needs a number/],
    [['--audit-entries', '-1'], /--audit-entries must be a whole number from 0 to 100,000,000, got "-1"/],
    [['--audit-entries'], /--audit-entries needs a number/],
    [['--append=yes'], /--append takes no value/],
    [['--clinics', '3'], /unknown argument "--clinics"/],
  ])('%j is refused naming the flag', (argv, message) => {
    expect(() => parseSeedArgs(argv)).toThrow(message);
  });
});
