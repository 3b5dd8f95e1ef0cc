/** `npm run seed -- [--referrals M] [--providers N] [--audit-entries A] [--append]`, checked before anything is touched. */
export interface SeedArgs {
  providers: number;
  referrals: number;
  /** Unset: ten to a referral. */
  auditEntries?: number;
  append: boolean;
  help: boolean;
}

export const SEED_DEFAULTS = { providers: 200, referrals: 10_000 };
/** Enough providers for the referrals: 200 up to 100,000 referrals, then one per 500 (2,000 for a million). */
export const providersFor = (referrals: number) => Math.max(SEED_DEFAULTS.providers, Math.ceil(referrals / 500));
const LIMITS = { providers: 1_000_000, referrals: 10_000_000, auditEntries: 100_000_000 };
const FLAGS = { '--providers': 'providers', '--referrals': 'referrals', '--audit-entries': 'auditEntries' } as const;

export class SeedArgsError extends Error {}

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = { ...SEED_DEFAULTS, append: false, help: false };
  let providersGiven = false;
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = argv[index].split('=', 2);
    switch (flag) {
      case '--providers':
      case '--referrals':
      case '--audit-entries': {
        const name = FLAGS[flag];
        const value = inline ?? argv[(index += 1)];
        const example = name === 'auditEntries' ? 100_000 : SEED_DEFAULTS[name];
        if (value === undefined) throw new SeedArgsError(`${flag} needs a number, e.g. ${flag} ${example}`);
        // No audit entries at all is a choice; no referrals or providers is not.
        const least = name === 'auditEntries' ? 0 : 1;
        if (!/^\d+$/.test(value) || Number(value) < least || Number(value) > LIMITS[name]) {
          throw new SeedArgsError(`${flag} must be a whole number from ${least} to ${LIMITS[name].toLocaleString('en-US')}, got "${value}"`);
        }
        args[name] = Number(value);
        if (name === 'providers') providersGiven = true;
        break;
      }
      case '--append':
        if (inline !== undefined) throw new SeedArgsError('--append takes no value');
        args.append = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new SeedArgsError(`unknown argument "${argv[index]}" (expected --providers N, --referrals M, --audit-entries A, --append)`);
    }
  }
  // Unless told, the providers grow with the referrals, so no inbox grows beyond what a clinic gets.
  if (!providersGiven) args.providers = providersFor(args.referrals);
  return args;
}
