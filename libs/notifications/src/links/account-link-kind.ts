import { registerEnumType } from '@nestjs/graphql';
import { NotificationTemplate } from '../notification.enums';

/** The single-use links of account emails. */
export enum AccountLinkKind {
  /** Sets a new user's first password and signs them in. */
  INVITATION = 'INVITATION',
  /** Replaces a forgotten password. */
  PASSWORD_RESET = 'PASSWORD_RESET',
}

registerEnumType(AccountLinkKind, { name: 'AccountLinkKind' });

/** The email each kind of link is sent in. */
export const ACCOUNT_LINK_TEMPLATE: Record<AccountLinkKind, NotificationTemplate> = {
  [AccountLinkKind.INVITATION]: NotificationTemplate.INVITATION,
  [AccountLinkKind.PASSWORD_RESET]: NotificationTemplate.PASSWORD_RESET,
};

/**
 * The web app's page for each kind of link. The token goes after `#`: a browser never sends the
 * fragment to any server, so no request log, proxy or Referer header can hold it.
 */
const PAGE: Record<AccountLinkKind, string> = {
  [AccountLinkKind.INVITATION]: '/welcome',
  [AccountLinkKind.PASSWORD_RESET]: '/reset-password',
};

export const accountLinkUrl = (publicUrl: string, kind: AccountLinkKind, token: string): string => `${publicUrl}${PAGE[kind]}#${token}`;
