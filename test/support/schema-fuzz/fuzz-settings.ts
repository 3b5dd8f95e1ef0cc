/**
 * How much to fuzz. The defaults are what CI runs: a fixed seed, so a run is repeatable and a
 * red build stays red until fixed, and few enough cases to finish in well under a minute.
 *   FUZZ_RUNS  cases per property sent in variables (default 2); half as many, rounded up,
 *              per property written as a literal (inline, or as a variable's default).
 *              FUZZ_RUNS=200 makes a long exploratory run.
 *   FUZZ_SEED  the base seed (default 20260112); any other integer explores other cases.
 */
export interface FuzzSettings {
  runs: number;
  /** Cases per property whose argument is written as a literal, inline or as a variable's default. */
  literalRuns: number;
  seed: number;
}

const DEFAULT_RUNS = 2;
const DEFAULT_SEED = 20260112;

export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): FuzzSettings {
  const runs = integerSetting(env, 'FUZZ_RUNS', DEFAULT_RUNS, 1);
  return { runs, literalRuns: Math.ceil(runs / 2), seed: integerSetting(env, 'FUZZ_SEED', DEFAULT_SEED, -(2 ** 31)) };
}

function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^-?\d+$/.test(raw) || Number(raw) < min || Number(raw) >= 2 ** 31) {
    throw new Error(`${name} must be a whole number from ${min} to ${2 ** 31 - 1}, got "${raw}"`);
  }
  return Number(raw);
}

/**
 * A seed of its own for each property, derived from the base seed and the property's name
 * (FNV-1a), so adding an operation to the schema does not change the cases of the others.
 */
export function propertySeed(base: number, ...parts: string[]): number {
  let hash = 0x811c9dc5;
  for (const unit of `${base}|${parts.join('|')}`) {
    hash ^= unit.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
