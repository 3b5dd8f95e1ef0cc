/**
 * The three session calls, sent with fetch rather than through Apollo: they run before there is
 * an access token for Apollo's requests, and their answers carry the session cookie.
 * `content-type: application/json` makes every one of them a preflighted request, which is
 * what the gateway's CSRF prevention requires of cookie-carrying calls.
 */
import { print } from 'graphql';
import { graphql } from '../gql';
import type { AuthPayloadFieldsFragment } from '../gql/graphql';

export type SessionUser = AuthPayloadFieldsFragment['user'];

graphql(`
  fragment AuthPayloadFields on AuthPayload {
    accessToken
    expiresAt
    user {
      ...ViewerFields
    }
  }
`);

const SIGN_IN = graphql(`
  mutation SignIn($input: LoginInput!) {
    signIn(input: $input) {
      ...AuthPayloadFields
    }
  }
`);

const REFRESH = graphql(`
  mutation RefreshSession {
    refreshSession {
      ...AuthPayloadFields
    }
  }
`);

const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut
  }
`);

const SIGN_OUT_EVERYWHERE = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

/** The service could not be reached or answered something other than GraphQL. */
export class ServiceUnreachable extends Error {}

/** The service answered with an error; `reason` is its extensions.reason when given. */
export class SessionRefused extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly reason: string | undefined,
  ) {
    super(message);
  }
}

interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

async function call<T>(query: string, variables: Record<string, unknown> = {}, accessToken?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ServiceUnreachable('ReferLoop cannot be reached. Check your connection; this page tries again when you do.');
  }
  let answer: GraphqlAnswer<T>;
  try {
    answer = (await response.json()) as GraphqlAnswer<T>;
  } catch {
    throw new ServiceUnreachable(`ReferLoop answered with an error (HTTP ${response.status}). Try again in a moment.`);
  }
  const error = answer.errors?.[0];
  if (error) throw new SessionRefused(error.message, error.extensions?.code, error.extensions?.reason);
  if (!answer.data) throw new ServiceUnreachable('ReferLoop gave no answer. Try again in a moment.');
  return answer.data;
}

export async function requestSignIn(email: string, password: string): Promise<AuthPayloadFieldsFragment> {
  const data = await call<{ signIn: AuthPayloadFieldsFragment }>(print(SIGN_IN), { input: { email, password } });
  return data.signIn;
}

export async function requestRefresh(): Promise<AuthPayloadFieldsFragment> {
  const data = await call<{ refreshSession: AuthPayloadFieldsFragment }>(print(REFRESH));
  return data.refreshSession;
}

export async function requestSignOut(accessToken: string | null): Promise<void> {
  await call<{ signOut: boolean }>(print(SIGN_OUT), {}, accessToken ?? undefined);
}

export async function requestSignOutEverywhere(accessToken: string | null): Promise<void> {
  await call<{ signOutEverywhere: boolean }>(print(SIGN_OUT_EVERYWHERE), {}, accessToken ?? undefined);
}
