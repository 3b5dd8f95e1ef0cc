/**
 * The calls made before anyone is signed in (signing in, renewing, the invitation and
 * password-reset links) and signing out, sent with fetch rather than through Apollo: they run
 * before there is an access token for Apollo's requests, and their answers carry the session
 * cookie.
 * `content-type: application/json` makes every one of them a preflighted request, which is
 * what the gateway's CSRF prevention requires of cookie-carrying calls.
 */
import { print } from 'graphql';
import { graphql } from '../gql';
import type {
  AccountLinkQuery,
  AuthPayloadFieldsFragment,
  BeginTotpEnrolmentMutation,
  ConfirmTotpEnrolmentMutation,
  TwoFactorStatusQuery,
} from '../gql/graphql';

export type SessionUser = AuthPayloadFieldsFragment['user'];

graphql(`
  fragment AuthPayloadFields on AuthPayload {
    accessToken
    expiresAt
    mustEnrolTwoFactor
    twoFactorChallenge {
      token
      expiresAt
    }
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

const ACCOUNT_LINK = graphql(`
  query AccountLink($token: String!) {
    accountLink(token: $token) {
      state
      kind
      problem
      email
      displayName
      expiresAt
    }
  }
`);

const ACCEPT_INVITATION = graphql(`
  mutation AcceptInvitation($input: LinkPasswordInput!) {
    acceptInvitation(input: $input) {
      ...AuthPayloadFields
    }
  }
`);

const REQUEST_PASSWORD_RESET = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);

const RESET_PASSWORD = graphql(`
  mutation ResetPassword($input: LinkPasswordInput!) {
    resetPassword(input: $input)
  }
`);

const VERIFY_SIGN_IN_CODE = graphql(`
  mutation VerifySignInCode($input: SignInCodeInput!) {
    verifySignInCode(input: $input) {
      ...AuthPayloadFields
    }
  }
`);

const TWO_FACTOR_STATUS = graphql(`
  query TwoFactorStatus {
    twoFactorStatus {
      enabled
      required
      recoveryCodesLeft
    }
  }
`);

const BEGIN_TOTP_ENROLMENT = graphql(`
  mutation BeginTotpEnrolment {
    beginTotpEnrolment {
      otpauthUri
      secret
    }
  }
`);

const CONFIRM_TOTP_ENROLMENT = graphql(`
  mutation ConfirmTotpEnrolment($input: ConfirmTotpEnrolmentInput!) {
    confirmTotpEnrolment(input: $input) {
      codes
    }
  }
`);

const REMOVE_TWO_FACTOR = graphql(`
  mutation RemoveTwoFactor($input: RemoveTwoFactorInput!) {
    removeTwoFactor(input: $input)
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

/** The service answered with an error; `reason` and `field` are its extensions' when given. */
export class SessionRefused extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly reason: string | undefined,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string; field?: string } }[];
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
  if (error) throw new SessionRefused(error.message, error.extensions?.code, error.extensions?.reason, error.extensions?.field);
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

export type AccountLinkCheck = AccountLinkQuery['accountLink'];

export async function requestAccountLink(token: string): Promise<AccountLinkCheck> {
  return (await call<AccountLinkQuery>(print(ACCOUNT_LINK), { token })).accountLink;
}

export async function requestAcceptInvitation(token: string, password: string): Promise<AuthPayloadFieldsFragment> {
  return (await call<{ acceptInvitation: AuthPayloadFieldsFragment }>(print(ACCEPT_INVITATION), { input: { token, password } })).acceptInvitation;
}

export async function requestPasswordReset(email: string): Promise<void> {
  await call<{ requestPasswordReset: boolean }>(print(REQUEST_PASSWORD_RESET), { input: { email } });
}

export async function requestResetPassword(token: string, password: string): Promise<void> {
  await call<{ resetPassword: boolean }>(print(RESET_PASSWORD), { input: { token, password } });
}

export async function requestSignInCode(token: string, code: string): Promise<AuthPayloadFieldsFragment> {
  return (await call<{ verifySignInCode: AuthPayloadFieldsFragment }>(print(VERIFY_SIGN_IN_CODE), { input: { token, code } })).verifySignInCode;
}

/*
 * Two-factor sign-in for the signed-in user. Sent with fetch like the calls above: a session
 * that may only enrol has no app (and no Apollo client) around it yet.
 */
export type TwoFactorState = TwoFactorStatusQuery['twoFactorStatus'];
export type TotpEnrolment = BeginTotpEnrolmentMutation['beginTotpEnrolment'];

export async function requestTwoFactorStatus(accessToken: string | null): Promise<TwoFactorState> {
  return (await call<TwoFactorStatusQuery>(print(TWO_FACTOR_STATUS), {}, accessToken ?? undefined)).twoFactorStatus;
}

export async function requestTotpEnrolment(accessToken: string | null): Promise<TotpEnrolment> {
  return (await call<BeginTotpEnrolmentMutation>(print(BEGIN_TOTP_ENROLMENT), {}, accessToken ?? undefined)).beginTotpEnrolment;
}

export async function requestTotpConfirmation(accessToken: string | null, code: string, password: string): Promise<string[]> {
  return (await call<ConfirmTotpEnrolmentMutation>(print(CONFIRM_TOTP_ENROLMENT), { input: { code, password } }, accessToken ?? undefined)).confirmTotpEnrolment.codes;
}

export async function requestTwoFactorRemoval(accessToken: string | null, password: string): Promise<void> {
  await call<{ removeTwoFactor: boolean }>(print(REMOVE_TWO_FACTOR), { input: { password } }, accessToken ?? undefined);
}
