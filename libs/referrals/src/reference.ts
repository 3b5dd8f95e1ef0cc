import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be misread for each other when read aloud or handwritten. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A short human reference such as `RF-7K3Q9P`: 31^6 ≈ 887 million values, random, never sequential. */
export function newReference(): string {
  let code = '';
  for (let i = 0; i < 6; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `RF-${code}`;
}

export const REFERENCE_PATTERN = /^RF-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;
