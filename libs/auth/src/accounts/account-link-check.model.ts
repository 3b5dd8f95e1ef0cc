import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTime } from '@referloop/common';
import { AccountLinkKind } from '@referloop/notifications';
import { LinkState } from './account-link.repository';

/** How a link stands, as the page it opens shows it. */
export enum AccountLinkState {
  OPEN = LinkState.OPEN,
  USED = LinkState.USED,
  EXPIRED = LinkState.EXPIRED,
  REVOKED = LinkState.REVOKED,
  /** Not a link of ours: mistyped, cut short or altered. */
  INVALID = 'INVALID',
}

registerEnumType(AccountLinkState, { name: 'AccountLinkState' });

/** What the page an invitation or reset link opens needs to know before asking for a password. */
@ObjectType()
export class AccountLinkCheck {
  @Field(() => AccountLinkState)
  state!: AccountLinkState;

  @Field(() => AccountLinkKind, { nullable: true, description: 'Null when the link is INVALID.' })
  kind!: AccountLinkKind | null;

  @Field(() => String, { nullable: true, description: 'Why the link no longer works, in words to show; null when it is OPEN.' })
  problem!: string | null;

  @Field(() => String, { nullable: true, description: 'The account it is for, while the link is OPEN: shown so the person knows whose password they set.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'While OPEN.' })
  displayName!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the link stops working, while OPEN.' })
  expiresAt!: Date | null;
}
