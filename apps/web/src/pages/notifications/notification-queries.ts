import { graphql } from '../../gql';

graphql(`
  fragment FailedEmailFields on Notification {
    id
    template
    recipientKind
    maskedAddress
    attempts
    lastError
    status
    createdAt
    sentAt
    referralId
  }
`);

export const FAILED_NOTIFICATIONS = graphql(`
  query FailedEmailsList($first: Int, $after: String) {
    failedNotifications(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...FailedEmailFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** Answers with the notification, cached by id: its row shows the new status at once. */
export const RETRY_NOTIFICATION = graphql(`
  mutation FailedEmailsRetry($input: RetryNotificationInput!) {
    retryNotification(input: $input) {
      ...FailedEmailFields
    }
  }
`);
