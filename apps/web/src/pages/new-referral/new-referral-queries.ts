import { graphql } from '../../gql';

export const PATIENT_CHOICES = graphql(`
  query NewReferralPatientChoices($search: String) {
    patients(filter: { search: $search }, first: 20) {
      edges {
        node {
          id
          firstName
          lastName
          dateOfBirth
        }
      }
    }
  }
`);

export const NEW_REFERRAL_PATIENT = graphql(`
  query NewReferralPatient($id: ID!) {
    patient(id: $id) {
      id
      firstName
      lastName
      dateOfBirth
    }
  }
`);

export const CREATE_REFERRAL = graphql(`
  mutation CreateReferral($input: CreateReferralInput!) {
    createReferral(input: $input) {
      id
      reference
      status
    }
  }
`);
