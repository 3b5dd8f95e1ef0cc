import { Injectable } from '@nestjs/common';
import { AccountLinkTokens } from '@referloop/notifications';
import { UserRepository } from '../user.repository';
import { AccountLinkCheck, AccountLinkState } from './account-link-check.model';
import { AccountLinkRepository, LinkState } from './account-link.repository';
import { linkProblem, NOT_A_LINK } from './link-refusal';

const STATE: Record<LinkState, AccountLinkState> = {
  [LinkState.OPEN]: AccountLinkState.OPEN,
  [LinkState.USED]: AccountLinkState.USED,
  [LinkState.EXPIRED]: AccountLinkState.EXPIRED,
  [LinkState.REVOKED]: AccountLinkState.REVOKED,
};

const INVALID: AccountLinkCheck = { state: AccountLinkState.INVALID, kind: null, problem: NOT_A_LINK, email: null, displayName: null, expiresAt: null };

/** What a link's page reads first: whether the link still works, and for whom. */
@Injectable()
export class AccountLinksService {
  constructor(
    private readonly tokens: AccountLinkTokens,
    private readonly links: AccountLinkRepository,
    private readonly users: UserRepository,
  ) {}

  async check(token: string): Promise<AccountLinkCheck> {
    const linkId = await this.tokens.linkIdOf(token);
    const standing = linkId ? await this.links.standing(linkId) : null;
    if (!standing) return INVALID;
    const user = await this.users.findById(standing.userId);
    if (!user) return INVALID;
    // A disabled account's reset link cannot be used (resetPassword refuses it as withdrawn).
    const state = standing.state === LinkState.OPEN && user.disabled ? LinkState.REVOKED : standing.state;
    if (state !== LinkState.OPEN) {
      return { state: STATE[state], kind: standing.kind, problem: linkProblem(standing.kind, state), email: null, displayName: null, expiresAt: null };
    }
    return { state: AccountLinkState.OPEN, kind: standing.kind, problem: null, email: user.email, displayName: user.displayName, expiresAt: standing.expiresAt };
  }
}
