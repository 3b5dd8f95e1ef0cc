import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { Observable, from, mergeMap } from 'rxjs';
import { currentAccessToken } from '../session/session-store';
import { accessTokenForConnection, mustEnrolTwoFactor, renewAccessToken } from '../session/session';
import { cacheTypePolicies } from './cache-policies';

const GRAPHQL_PATH = '/graphql';

const isUnauthenticated = (error: unknown): boolean =>
  CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');

const isEnrolmentRequired = (error: unknown): boolean =>
  CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.reason === 'TWO_FACTOR_ENROLMENT_REQUIRED');

/** The account must now use two-factor sign-in (its clinic just required it): the app shows the enrolment instead. */
const enrolmentLink = new ErrorLink(({ error }) => {
  if (isEnrolmentRequired(error)) mustEnrolTwoFactor();
});

/** Bearer header from the in-memory access token. */
const authLink = new SetContextLink((prevContext) => {
  const token = currentAccessToken();
  return token ? { headers: { ...prevContext.headers, authorization: `Bearer ${token}` } } : {};
});

/** An expired access token is renewed once through the session cookie and the request sent again. */
const renewLink = new ErrorLink(({ error, operation, forward }) => {
  if (!isUnauthenticated(error) || operation.getContext().renewed) return;
  operation.setContext({ renewed: true });
  return from(renewAccessToken()).pipe(mergeMap((token) => (token ? forward(operation) : new Observable<never>((o) => o.complete()))));
});

function liveUrl(): string {
  const url = new URL(GRAPHQL_PATH, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export interface ReferLoopApollo {
  client: ApolloClient;
  /** Closes the live connection (signing out). */
  closeLive(): void;
}

/**
 * One Apollo client per signed-in session: queries and mutations over HTTP, the live
 * referralUpdated subscription over graphql-ws on the same path. The live connection sends the
 * current access token whenever it (re)connects; the gateway ends it when the token expires,
 * and it comes back with the renewed one.
 */
export function createApollo(): ReferLoopApollo {
  const ws: WsClient = createClient({
    url: liveUrl(),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => currentAccessToken() !== null,
    // Each (re)connection asks for a token that will last: after the gateway closed the
    // connection because its token expired, the next one opens with a renewed token.
    connectionParams: async () => ({ authorization: `Bearer ${(await accessTokenForConnection()) ?? ''}` }),
  });
  const http = ApolloLink.from([enrolmentLink, renewLink, authLink, new HttpLink({ uri: GRAPHQL_PATH, credentials: 'same-origin' })]);
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(ws),
    http,
  );
  const client = new ApolloClient({
    link,
    cache: new InMemoryCache({ typePolicies: cacheTypePolicies }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return { client, closeLive: () => void ws.dispose() };
}
