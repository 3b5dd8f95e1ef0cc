import { graphql } from '../../gql';

graphql(`
  fragment StaffUserFields on User {
    id
    email
    displayName
    role
    clinicId
    status
    disabled
    createdAt
    twoFactorEnabled
    clinic {
      id
      name
    }
  }
`);

/** A clinic's accounts (every clinic's, for platform admins), newest first. */
export const STAFF_LIST = graphql(`
  query StaffList($filter: UserFilter, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...StaffUserFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

// Each change answers with the account, cached by id: its row shows the change at once, and the
// list is asked again (a changed account may no longer match the filter).

export const INVITE_STAFF = graphql(`
  mutation StaffInvite($input: InviteUserInput!) {
    inviteUser(input: $input) {
      ...StaffUserFields
    }
  }
`);

export const RESEND_INVITATION = graphql(`
  mutation StaffResendInvitation($input: InvitedUserInput!) {
    resendInvitation(input: $input) {
      ...StaffUserFields
    }
  }
`);

export const WITHDRAW_INVITATION = graphql(`
  mutation StaffWithdrawInvitation($input: InvitedUserInput!) {
    revokeInvitation(input: $input) {
      ...StaffUserFields
    }
  }
`);

export const CHANGE_ROLE = graphql(`
  mutation StaffChangeRole($input: ChangeUserRoleInput!) {
    changeUserRole(input: $input) {
      ...StaffUserFields
    }
  }
`);

export const DISABLE_USER = graphql(`
  mutation StaffDisable($input: DisableUserInput!) {
    disableUser(input: $input) {
      ...StaffUserFields
    }
  }
`);

export const ENABLE_USER = graphql(`
  mutation StaffEnable($input: EnableUserInput!) {
    enableUser(input: $input) {
      ...StaffUserFields
    }
  }
`);

/** Turns off the two-factor sign-in of someone who lost their phone and their recovery codes. */
export const RESET_TWO_FACTOR = graphql(`
  mutation StaffResetTwoFactor($input: ResetTwoFactorInput!) {
    resetTwoFactor(input: $input) {
      ...StaffUserFields
    }
  }
`);

/** The clinic admin's own clinic: whether everyone in it must sign in with a second factor. */
export const CLINIC_SETTINGS = graphql(`
  query StaffClinicSettings($id: ID!) {
    clinic(id: $id) {
      id
      name
      requireTwoFactor
    }
    me {
      id
      twoFactorEnabled
    }
  }
`);

/** `__typename` spelled out: the switch's optimistic answer needs it to find the clinic in the cache. */
export const REQUIRE_TWO_FACTOR = graphql(`
  mutation StaffRequireTwoFactor($input: UpdateClinicInput!) {
    updateClinic(input: $input) {
      __typename
      id
      requireTwoFactor
    }
  }
`);
