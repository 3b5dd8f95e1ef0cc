/** `npm run seed -- --providers N --referrals M [--append]`, checked before anything is touched. */
export interface SeedArgs {
  providers: number;
  referrals: number;
  append: boolean;
  help: boolean;
}

export const SEED_DEFAULTS = { providers: 200, referrals: 10_000 };
const LIMITS = { providers: 1_000_000, referrals: 10_000_000 };

export class SeedArgsError extends Error {}

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = { ...SEED_DEFAULTS, append: false, help: false };
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = argv[index].split('=', 2);
    switch (flag) {
      case '--providers':
      case '--referrals': {
        const name = flag.slice(2) as 'providers' | 'referrals';
        const value = inline ?? argv[(index += 1)];
        if (value === undefined) throw new SeedArgsError(`${flag} needs a number, e.g. ${flag} ${SEED_DEFAULTS[name]}`);
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > LIMITS[name]) {
          throw new SeedArgsError(`${flag} must be a whole number from 1 to ${LIMITS[name].toLocaleString('en-US')}, got "${value}"`);
        }
        args[name] = Number(value);
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
        throw new SeedArgsError(`unknown argument "${argv[index]}" (expected --providers N, --referrals M, --append)`);
    }
  }
  return args;
}
