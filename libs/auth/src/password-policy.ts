/** Parts of an email address or a name shorter than this are too common to refuse in a password ("al", "jo"). */
const SHORTEST_PERSONAL_PART = 3;

/**
 * Why a new password is refused, or null, after NIST SP 800-63B (§5.1.1.2): no composition rules,
 * but nothing a guesser tries first, here the account's own email address and name. The length
 * (12 to 200 characters) is checked with the rest of the input; `field` names the input refused.
 */
export function passwordProblem(field: string, password: string, account: { email: string; displayName: string }): string | null {
  const lowered = password.toLowerCase();
  // The part before the @ and its words: the domain is the clinic's, shared by its whole staff.
  const [localPart] = account.email.toLowerCase().split('@');
  const emailParts = [localPart, ...localPart.split(/[^a-z0-9]+/)];
  if (emailParts.some((part) => part.length >= SHORTEST_PERSONAL_PART && lowered.includes(part))) return `${field} must not contain your email address`;
  const nameParts = account.displayName.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  if (nameParts.some((part) => part.length >= SHORTEST_PERSONAL_PART && lowered.includes(part))) return `${field} must not contain your name`;
  return null;
}
