import { badInput, DomainError, ErrorReason } from '@referloop/core';
import { AccountLinkKind } from '@referloop/notifications';
import { LinkState } from './account-link.repository';

/** What a person is told about a link that no longer works, per kind and state: the one place these words live. */
const WORDS: Record<AccountLinkKind, Record<Exclude<LinkState, LinkState.OPEN>, string>> = {
  [AccountLinkKind.INVITATION]: {
    [LinkState.USED]: 'This invitation has already been accepted. Sign in with the password you chose, or reset it if you have forgotten it.',
    [LinkState.EXPIRED]: 'This invitation has expired. Ask your clinic admin to send you a new one.',
    [LinkState.REVOKED]: 'This invitation is no longer valid: a newer one was sent, or it was withdrawn. Use the link in the latest email, or ask your clinic admin.',
  },
  [AccountLinkKind.PASSWORD_RESET]: {
    [LinkState.USED]: 'This reset link has already been used. Ask for a new one if you still need to reset your password.',
    [LinkState.EXPIRED]: 'This reset link has expired. Ask for a new one.',
    [LinkState.REVOKED]: 'This reset link was replaced by a newer one. Use the link in the latest email.',
  },
};

const REASON: Record<Exclude<LinkState, LinkState.OPEN>, ErrorReason.LINK_USED | ErrorReason.LINK_EXPIRED | ErrorReason.LINK_REVOKED> = {
  [LinkState.USED]: ErrorReason.LINK_USED,
  [LinkState.EXPIRED]: ErrorReason.LINK_EXPIRED,
  [LinkState.REVOKED]: ErrorReason.LINK_REVOKED,
};

/** For a token that names no link of ours (mistyped, cut short, altered). */
export const NOT_A_LINK = 'This link is not valid. Open the whole link from the email; if it still fails, ask for a new one.';

/** Why a link cannot be used now, in words; null while it is open. */
export function linkProblem(kind: AccountLinkKind, state: LinkState): string | null {
  return state === LinkState.OPEN ? null : WORDS[kind][state];
}

/** The refusal of a mutation given a link of `kind` in `state` (or none at all), naming `field`. */
export function linkRefusal(field: string, kind: AccountLinkKind, state: LinkState | null): DomainError {
  if (state === null || state === LinkState.OPEN) return badInput(field, NOT_A_LINK);
  return badInput(field, WORDS[kind][state], REASON[state]);
}
