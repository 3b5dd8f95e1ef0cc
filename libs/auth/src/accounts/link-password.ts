import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { badInput } from '@referloop/core';
import { AccountLinkKind, AccountLinkTokens } from '@referloop/notifications';
import { hashPassword } from '../password-hasher';
import { passwordProblem } from '../password-policy';
import { User } from '../user.model';
import { UserRepository } from '../user.repository';
import { AccountLinkRepository, LinkState } from './account-link.repository';
import { LinkPasswordInput } from './dto/account-inputs';
import { linkRefusal } from './link-refusal';

/** A link's token and the password chosen with it, both found good: the link, whose account, and the hash to store. */
export interface CheckedLinkPassword {
  linkId: string;
  user: User;
  passwordHash: string;
}

const TOKEN = 'input.token';

/**
 * The part acceptInvitation and resetPassword share: the token must name an open link of the
 * kind, for an enabled account, and the password must pass the policy; then, in the caller's
 * transaction, the link is spent. Every refusal names its field and says why in words.
 */
@Injectable()
export class LinkPassword {
  constructor(
    private readonly tokens: AccountLinkTokens,
    private readonly links: AccountLinkRepository,
    private readonly users: UserRepository,
  ) {}

  async check(kind: AccountLinkKind, input: LinkPasswordInput): Promise<CheckedLinkPassword> {
    const linkId = await this.tokens.linkIdOf(input.token);
    const standing = linkId ? await this.links.standing(linkId) : null;
    if (!linkId || !standing || standing.kind !== kind) throw linkRefusal(TOKEN, kind, null);
    if (standing.state !== LinkState.OPEN) throw linkRefusal(TOKEN, kind, standing.state);
    const user = await this.users.findById(standing.userId);
    // A disabled account's link is withdrawn, whatever the link row says.
    if (!user || user.disabled) throw linkRefusal(TOKEN, kind, LinkState.REVOKED);
    const problem = passwordProblem('password', input.password, user);
    if (problem) throw badInput('input.password', problem);
    return { linkId, user, passwordHash: await hashPassword(input.password) };
  }

  /** Spends the link in the caller's transaction; refused in words when it moved since `check` (used twice at once, withdrawn). */
  async spend(linkId: string, kind: AccountLinkKind, manager: EntityManager): Promise<void> {
    if (await this.links.use(linkId, kind, manager)) return;
    const now = await this.links.standing(linkId);
    throw linkRefusal(TOKEN, kind, now?.state ?? null);
  }
}
