import { graphql } from '../../gql';

graphql(`
  fragment IntegrationEndpointFields on WebhookEndpoint {
    id
    url
    description
    events
    enabled
    disabledReason
    disabledAt
    failingSince
    previousSecretValidUntil
    createdAt
  }
`);

graphql(`
  fragment IntegrationAttemptFields on WebhookAttempt {
    id
    eventId
    eventType
    attempt
    at
    statusCode
    durationMs
    error
    succeeded
  }
`);

/** The clinic's endpoints, newest first. */
export const ENDPOINT_LIST = graphql(`
  query IntegrationsList($first: Int, $after: String) {
    webhookEndpoints(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...IntegrationEndpointFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** One endpoint's attempts to deliver, newest first. */
export const ENDPOINT_ATTEMPTS = graphql(`
  query IntegrationsAttempts($id: ID!, $first: Int, $after: String) {
    webhookEndpoint(id: $id) {
      id
      enabled
      attempts(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            ...IntegrationAttemptFields
          }
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  }
`);

// The two answers that hold a signing secret are asked for with fetchPolicy 'no-cache' (see
// secret-dialog.tsx): the secret never enters Apollo's cache, and the list is asked again instead.

export const CREATE_ENDPOINT = graphql(`
  mutation IntegrationsCreate($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        ...IntegrationEndpointFields
      }
    }
  }
`);

export const ROTATE_SECRET = graphql(`
  mutation IntegrationsRotateSecret($input: WebhookEndpointIdInput!) {
    rotateWebhookSecret(input: $input) {
      secret
      endpoint {
        ...IntegrationEndpointFields
      }
    }
  }
`);

// The others answer with the endpoint, cached by id: its row shows the change at once.

export const UPDATE_ENDPOINT = graphql(`
  mutation IntegrationsUpdate($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      ...IntegrationEndpointFields
    }
  }
`);

export const DISABLE_ENDPOINT = graphql(`
  mutation IntegrationsDisable($input: WebhookEndpointIdInput!) {
    disableWebhookEndpoint(input: $input) {
      ...IntegrationEndpointFields
    }
  }
`);

export const ENABLE_ENDPOINT = graphql(`
  mutation IntegrationsEnable($input: WebhookEndpointIdInput!) {
    enableWebhookEndpoint(input: $input) {
      ...IntegrationEndpointFields
    }
  }
`);

export const DELETE_ENDPOINT = graphql(`
  mutation IntegrationsDelete($input: WebhookEndpointIdInput!) {
    deleteWebhookEndpoint(input: $input)
  }
`);

/** Sends one event again, from a first attempt, with the same webhook-id. */
export const RESEND_EVENT = graphql(`
  mutation IntegrationsResendEvent($input: ResendWebhookEventInput!) {
    resendWebhookEvent(input: $input)
  }
`);

/** Sends again every event whose delivery failed since a time; answers how many. */
export const RECOVER_ENDPOINT = graphql(`
  mutation IntegrationsRecover($input: RecoverWebhookEndpointInput!) {
    recoverWebhookEndpoint(input: $input)
  }
`);
