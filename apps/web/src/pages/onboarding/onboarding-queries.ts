import { graphql } from '../../gql';

export const CREATE_CLINIC = graphql(`
  mutation OnboardingCreateClinic($input: CreateClinicInput!) {
    createClinic(input: $input) {
      id
      name
      timeZone
    }
  }
`);

export const INVITE_USER = graphql(`
  mutation OnboardingInviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      id
      email
      displayName
      role
      clinicId
    }
  }
`);

export const CREATE_PROVIDER = graphql(`
  mutation OnboardingCreateProvider($input: CreateProviderInput!) {
    createProvider(input: $input) {
      id
      displayName
      clinicId
      userId
    }
  }
`);

/** Names the clinic behind a pasted id, so the admin sees they pasted the right one. */
export const CLINIC_LOOKUP = graphql(`
  query OnboardingClinicLookup($id: ID!) {
    clinic(id: $id) {
      id
      name
      timeZone
    }
  }
`);
