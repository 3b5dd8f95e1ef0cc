import { createHash, randomInt } from 'node:crypto';

/** Ten codes, each usable once, for when the phone is lost. */
export const RECOVERY_CODE_COUNT = 10;

/** Letters and digits that cannot be mistaken for one another when read off paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A code as shown: two groups of five ("k7mqa-x3rtp"), 49 random bits. */
export function newRecoveryCode(): string {
  const pick = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${pick()}-${pick()}`;
}

/** The code as typed, without case, spaces or dashes: what is hashed and compared. */
export const normalizedRecoveryCode = (typed: string): string => typed.toLowerCase().replace(/[\s-]/g, '');

/**
 * SHA-256 of the user's id and the code: 49 random bits, each code working once and only after
 * the password; the id makes a copy of the table useless for guessing everyone's codes at once.
 */
export const hashRecoveryCode = (userId: string, typed: string): string => createHash('sha256').update(`${userId}:${normalizedRecoveryCode(typed)}`).digest('base64url');

/** Whether what was typed looks like a recovery code rather than an app's six digits. */
export const looksLikeRecoveryCode = (typed: string): boolean => /^[a-z0-9]{10}$/.test(normalizedRecoveryCode(typed)) && !/^\d+$/.test(normalizedRecoveryCode(typed));
