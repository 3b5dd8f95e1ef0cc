import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { isUuid } from '@referloop/core';
import { LinkSigner } from './link-signer';

const PURPOSE = 'account-link';
const MAC = /^[A-Za-z0-9_-]{43}$/;

/**
 * The token of an account link (invitation, password reset): `<link id>.<MAC of the id>`. It is
 * derived, never stored: the worker derives it again to write the email, the gateway checks it
 * when it comes back. A database copy alone holds no usable token when LINK_SECRET is set. Whether
 * the link is still good (unused, not withdrawn, not expired) is the link row's business.
 */
@Injectable()
export class AccountLinkTokens {
  constructor(private readonly signer: LinkSigner) {}

  async tokenFor(linkId: string): Promise<string> {
    return `${linkId}.${await this.signer.macFor(PURPOSE, linkId)}`;
  }

  /** The link id a token names, if the token is one we issued; null for anything else. */
  async linkIdOf(token: string): Promise<string | null> {
    const [linkId, mac, ...rest] = token.trim().split('.');
    if (rest.length > 0 || !isUuid(linkId) || mac === undefined || !MAC.test(mac)) return null;
    const id = linkId.toLowerCase();
    const expected = Buffer.from(await this.signer.macFor(PURPOSE, id));
    return timingSafeEqual(Buffer.from(mac), expected) ? id : null;
  }
}
