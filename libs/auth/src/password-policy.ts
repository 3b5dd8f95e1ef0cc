import { isCommonPassword } from './common-passwords';

/** How long a password may be, checked with the rest of the input by every input that takes one. */
export const PASSWORD_LENGTH = { min: 12, max: 200 } as const;
export const PASSWORD_LENGTH_MESSAGE = (field: string) => `${field} must be ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters long`;

/** Parts of an email address or a name shorter than this are too common to refuse in a password ("al", "jo"). */
const SHORTEST_PERSONAL_PART = 3;

/**
 * Why a new password is refused, or null, after NIST SP 800-63B (§5.1.1.2): no composition rules,
 * but nothing a guesser tries first: a password on the shipped list of common and breached ones,
 * or one holding the account's own email address or name. The length (PASSWORD_LENGTH) is
 * checked with the rest of the input; `field` names the input refused.
 */
export function passwordProblem(field: string, password: string, account: { email: string; displayName: string }): string | null {
  if (isCommonPassword(password, PASSWORD_LENGTH.min)) return `${field} is on the list of common and leaked passwords that guessers try first; choose another`;
  const lowered = password.toLowerCase();
  // The part before the @ and its words: the domain is the clinic's, shared by its whole staff.
  const [localPart] = account.email.toLowerCase().split('@');
  const emailParts = [localPart, ...localPart.split(/[^a-z0-9]+/)];
  if (emailParts.some((part) => part.length >= SHORTEST_PERSONAL_PART && lowered.includes(part))) return `${field} must not contain your email address`;
  const nameParts = account.displayName.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  if (nameParts.some((part) => part.length >= SHORTEST_PERSONAL_PART && lowered.includes(part))) return `${field} must not contain your name`;
  return null;
}
