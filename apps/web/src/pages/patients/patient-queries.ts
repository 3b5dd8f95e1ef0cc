import { graphql } from '../../gql';

graphql(`
  fragment PatientsPatientFields on Patient {
    id
    clinicId
    firstName
    lastName
    dateOfBirth
    email
    phone
    emailConsent
    createdAt
    updatedAt
  }
`);

export const PATIENTS_LIST = graphql(`
  query PatientsList($filter: PatientFilter, $first: Int, $after: String) {
    patients(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...PatientsPatientFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const PATIENT_DETAIL = graphql(`
  query PatientsDetail($id: ID!) {
    patient(id: $id) {
      ...PatientsPatientFields
    }
  }
`);

/** The patient's referrals, both directions, in the inbox's row shape (so the inbox row is reused). */
export const PATIENT_REFERRALS = graphql(`
  query PatientsReferrals($filter: ReferralFilter, $first: Int, $after: String) {
    referrals(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...InboxRow
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const CREATE_PATIENT = graphql(`
  mutation PatientsCreatePatient($input: CreatePatientInput!) {
    createPatient(input: $input) {
      ...PatientsPatientFields
    }
  }
`);

export const UPDATE_PATIENT = graphql(`
  mutation PatientsUpdatePatient($input: UpdatePatientInput!) {
    updatePatient(input: $input) {
      ...PatientsPatientFields
    }
  }
`);
