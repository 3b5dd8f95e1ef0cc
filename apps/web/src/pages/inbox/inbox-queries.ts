import { graphql } from '../../gql';

graphql(`
  fragment InboxRow on Referral {
    id
    reference
    status
    priority
    modality
    dueAt
    updatedAt
    appointmentAt
    availableActions
    workActions
    version
    patient {
      id
      firstName
      lastName
    }
    referringClinic {
      id
      name
    }
    toClinic {
      id
      name
    }
    toProvider {
      id
      displayName
    }
  }
`);

export const INBOX = graphql(`
  query Inbox($filter: ReferralFilter, $first: Int, $after: String) {
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

export const OPEN_REFERRALS = graphql(`
  query OpenReferrals($first: Int, $after: String) {
    openReferrals(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          reference
          modality
          priority
          conditions
          techniques
          ageBand
          distanceKm
          dueAt
          sentAt
          version
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const INBOX_UPDATES = graphql(`
  subscription InboxUpdates($filter: ReferralUpdatedFilter) {
    referralUpdated(filter: $filter) {
      ...InboxRow
    }
  }
`);

export const CLAIM_OPEN_REFERRAL = graphql(`
  mutation ClaimOpenReferral($input: AcceptReferralInput!) {
    acceptReferral(input: $input) {
      ...InboxRow
    }
  }
`);

export const PASS_OPEN_REFERRAL = graphql(`
  mutation PassOpenReferral($input: DeclineReferralInput!) {
    declineReferral(input: $input) {
      id
    }
  }
`);
