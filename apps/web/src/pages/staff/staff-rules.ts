import type { StaffUserFieldsFragment, UserRole, UserStatus } from '../../gql/graphql';
import { ROLE_LABELS } from '../../lib/labels';

export type StaffMember = StaffUserFieldsFragment;

export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  INVITED: 'Invited',
  ACTIVE: 'Active',
  DISABLED: 'Disabled',
};

export const USER_STATUS_COLORS: Record<UserStatus, string> = {
  INVITED: 'blue',
  ACTIVE: 'green',
  DISABLED: 'gray',
};

/** What each role may do, said under the role field. */
export const ROLE_HINTS: Record<UserRole, string> = {
  PLATFORM_ADMIN: 'Runs ReferLoop for every clinic; belongs to no clinic.',
  CLINIC_ADMIN: 'Manages the clinic’s staff and settings, and works its referrals.',
  COORDINATOR: 'Registers patients and sends and answers the clinic’s referrals.',
  PROVIDER: 'Treats patients; receives referrals once they have a provider profile.',
};

/** The roles within a clinic: what a clinic's account can be changed to. */
export const CLINIC_ROLES: readonly UserRole[] = ['CLINIC_ADMIN', 'COORDINATOR', 'PROVIDER'];

/** The roles a viewer may give or look for: platform admins every one, clinic admins their clinic's. */
export const rolesFor = (isPlatformAdmin: boolean): readonly UserRole[] => (isPlatformAdmin ? ['PLATFORM_ADMIN', ...CLINIC_ROLES] : CLINIC_ROLES);

export const roleOptions = (roles: readonly UserRole[]) => roles.map((value) => ({ value, label: ROLE_LABELS[value] }));

/** What an admin can do with an account from its row. */
export type StaffAction = 'resend' | 'withdraw' | 'changeRole' | 'disable' | 'enable' | 'resetTwoFactor';

/**
 * The actions the API takes for this account from this viewer, and only those: an invitation is
 * re-sent or withdrawn; an active account's role changes within its clinic (a platform admin
 * belongs to none, so theirs cannot), and it can be disabled, but never by its holder; a
 * disabled one is enabled (or, never accepted, invited again). Someone else's two-factor
 * sign-in, when on, can be reset, disabled or not (an invited person has none yet); one's own is
 * turned off from one's account menu, with the password.
 */
export function actionsFor(member: StaffMember, viewerId: string): StaffAction[] {
  const self = member.id === viewerId;
  const reset: StaffAction[] = member.twoFactorEnabled && !self ? ['resetTwoFactor'] : [];
  switch (member.status) {
    case 'INVITED':
      return ['resend', 'withdraw'];
    case 'ACTIVE':
      return [...(member.role === 'PLATFORM_ADMIN' ? [] : (['changeRole'] as const)), ...reset, ...(self ? [] : (['disable'] as const))];
    case 'DISABLED':
      return ['enable', ...reset];
  }
}

/** A server message as a sentence: the API's messages are worded for people but may lack the full stop. */
export const sentence = (message: string): string => (/[.!?…]$/.test(message) ? message : `${message}.`);
