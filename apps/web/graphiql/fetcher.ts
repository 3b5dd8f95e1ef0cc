import type { GraphiQLProps } from 'graphiql';
import { getOperationAST, parse, type ExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import { currentToken, refreshToken } from './session';

type Fetcher = GraphiQLProps['fetcher'];
type Params = Parameters<Fetcher>[0];
type Headers = Record<string, string>;

const unauthenticated = (answer: ExecutionResult) => answer.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') ?? false;

/** An Authorization header typed into GraphiQL's headers editor wins over the session's. */
const hasOwnAuthorization = (headers: Headers) => Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');

async function post(params: Params, headers: Headers, token: string | null): Promise<ExecutionResult> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(params),
  });
  // As JSON carries it: errors are plain objects, which is all GraphiQL reads of them.
  return (await response.json()) as ExecutionResult;
}

/** Queries and mutations over HTTP, signed in with the session's token; a token refused as expired is refreshed and the request sent once more. */
async function overHttp(params: Params, headers: Headers): Promise<ExecutionResult> {
  if (hasOwnAuthorization(headers)) return post(params, headers, null);
  const token = await currentToken();
  const answer = await post(params, headers, token);
  if (!unauthenticated(answer)) return answer;
  const fresh = await refreshToken();
  return fresh ? post(params, headers, fresh) : answer;
}

/** Subscriptions (referralUpdated) over graphql-ws on the same path, signed in the same way when the socket opens. */
const live = createClient({
  url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
  lazy: true,
  connectionParams: async () => {
    const token = await currentToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  },
});

function isSubscription(query: string, operationName: string | null | undefined): boolean {
  try {
    return getOperationAST(parse(query), operationName ?? undefined)?.operation === 'subscription';
  } catch {
    // A document that does not parse goes over HTTP, whose answer names the syntax error.
    return false;
  }
}

export const sessionFetcher: Fetcher = (params, options) => {
  const headers: Headers = options?.headers ?? {};
  if (isSubscription(params.query, params.operationName)) {
    const results = live.iterate({ query: params.query, operationName: params.operationName ?? undefined, variables: params.variables as Record<string, unknown> | undefined });
    // graphql-ws types its results as JSON carries them (formatted errors); GraphiQL reads the same fields.
    return results as AsyncIterable<ExecutionResult>;
  }
  return overHttp(params, headers);
};
