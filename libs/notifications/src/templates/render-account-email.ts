import { UserRole } from '@referloop/common';
import { AccountTemplate, NotificationTemplate } from '../notification.enums';
import { EmailContent, layOut } from './email-layout';
import { RenderedEmail } from './email-view';
import { formatInZone } from './format-in-zone';
import { singleLine } from './text-safety';

/** What an invitation or password-reset email shows: who it is for, and the link with its end. */
export interface AccountEmailView {
  template: AccountTemplate;
  displayName: string;
  role: UserRole;
  /** The user's clinic; null for platform admins. */
  clinic: { name: string; timeZone: string } | null;
  /** Who sent the invitation; null when nobody did (a reset, or a user the system made). */
  invitedBy: string | null;
  url: string;
  expiresAt: Date;
  /** Where the person reads the email from: the product, for the footer. */
  appUrl: string;
}

const ROLE_WORDS: Record<UserRole, string> = {
  [UserRole.PLATFORM_ADMIN]: 'platform admin',
  [UserRole.CLINIC_ADMIN]: 'clinic admin',
  [UserRole.COORDINATOR]: 'referral coordinator',
  [UserRole.PROVIDER]: 'provider',
};

/** Platform admins have no clinic: their links' ends are written in UTC. */
const zoneOf = (view: AccountEmailView) => view.clinic?.timeZone ?? 'UTC';

function invitation(view: AccountEmailView, expires: string): EmailContent {
  const where = view.clinic === null ? 'ReferLoop' : `${singleLine(view.clinic.name)} on ReferLoop`;
  const by = view.invitedBy === null ? '' : `${singleLine(view.invitedBy)} has invited you`;
  return {
    subject: `You are invited to ${where}`,
    heading: `Welcome to ${where}`,
    greeting: `Hello ${singleLine(view.displayName)},`,
    paragraphs: [
      `${by || 'You are invited'} to join ${where} as ${ROLE_WORDS[view.role] ?? 'a user'}. ReferLoop is where clinics send, accept and follow referrals between practitioners.`,
      `Choose your password with the link below to finish setting up your account. The link works once, until ${expires}.`,
      'If you did not expect this invitation, ignore this email: no account is active until the link is used.',
    ],
    details: [],
    contact: null,
    action: { label: 'Set your password', url: view.url },
    footer: { text: 'You receive this email because someone invited this address to ReferLoop.', link: null },
  };
}

function passwordReset(view: AccountEmailView, expires: string): EmailContent {
  return {
    subject: 'Reset your ReferLoop password',
    heading: 'Reset your password',
    greeting: `Hello ${singleLine(view.displayName)},`,
    paragraphs: [
      'Someone (we hope you) asked to reset the password of your ReferLoop account.',
      `Choose a new password with the link below. It works once, until ${expires}. Once you have chosen it, every device signed in to your account is signed out.`,
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ],
    details: [],
    contact: null,
    action: { label: 'Choose a new password', url: view.url },
    footer: { text: 'You receive this email because a password reset was asked for this address.', link: { label: 'ReferLoop', url: view.appUrl } },
  };
}

const TEMPLATES: Record<AccountTemplate, (view: AccountEmailView, expires: string) => EmailContent> = {
  [NotificationTemplate.INVITATION]: invitation,
  [NotificationTemplate.PASSWORD_RESET]: passwordReset,
};

export function renderAccountEmail(view: AccountEmailView): RenderedEmail {
  return layOut(TEMPLATES[view.template](view, formatInZone(view.expiresAt, zoneOf(view))));
}
