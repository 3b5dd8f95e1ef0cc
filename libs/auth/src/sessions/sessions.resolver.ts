import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, AllowedDuringEnrolment, CurrentActor, Public, RequestContext } from '@referloop/common';
import { LoginInput } from '../dto/login.input';
import { SignInCodeInput } from '../two-factor/two-factor.model';
import { AuthPayload } from '../user.model';
import { SessionService } from './session.service';
import { UserSession } from './user-session.model';

/** Signing in and out: browsers keep their session credential in a cookie (`signIn`), API clients in their own storage (`login`). */
@Resolver()
export class SessionsResolver {
  constructor(private readonly sessions: SessionService) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Signs an API client in with email and password: starts a session and returns a short-lived access token for it, with the refresh token that gets the next one (`refreshSession(refreshToken)`). Browsers use `signIn`, which keeps the refresh credential in a cookie.',
  })
  async login(@Args('input', { type: () => LoginInput }) input: LoginInput, @Context() ctx: RequestContext): Promise<AuthPayload> {
    return this.sessions.login(input.email, input.password, ctx);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Signs a browser in, checking email and password as `login` does: starts a session held in an HttpOnly cookie (sent to /graphql only) and returns a short-lived access token for it. Keep the token in memory; `refreshSession` gets the next one.',
  })
  async signIn(@Args('input', { type: () => LoginInput }) input: LoginInput, @Context() ctx: RequestContext): Promise<AuthPayload> {
    return this.sessions.signIn(input.email, input.password, ctx);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      "The second step of signing in with two-factor sign-in on: the challenge's token from `signIn` or `login`, and the code the authenticator app shows now (or a recovery code, once). Starts the session as the first step would have (a browser's in the cookie, an API client's with a refresh token). A wrong code is refused on `input.code`, five at most; then, or after 5 minutes, UNAUTHENTICATED: sign in again.",
  })
  async verifySignInCode(@Args('input', { type: () => SignInCodeInput }) input: SignInCodeInput, @Context() ctx: RequestContext): Promise<AuthPayload> {
    return this.sessions.verifySignInCode(input.token, input.code, ctx);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      "A fresh access token for a session, whose refresh credential is replaced at the same time: the one given as `refreshToken` (an API client's, answered with the next one), else the browser's session cookie (renewed in the cookie). Presenting a replaced credential again ends the session (it was copied). UNAUTHENTICATED when the session is missing, has expired (reason SESSION_EXPIRED) or has ended (SESSION_REVOKED): sign in again.",
  })
  async refreshSession(
    @Context() ctx: RequestContext,
    @Args('refreshToken', { type: () => String, nullable: true, description: "An API client's refresh token from `login` or its last refresh; browsers leave it out." })
    refreshToken?: string | null,
  ): Promise<AuthPayload> {
    return this.sessions.refresh(ctx, refreshToken);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      "Ends the caller's session (the access token's, or the browser's cookie's) and clears the cookie; the session's access tokens and refresh credential stop working at once. False when no open session was found.",
  })
  async signOut(@Context() ctx: RequestContext): Promise<boolean> {
    return this.sessions.signOut(ctx);
  }

  @AllowedDuringEnrolment()
  @Mutation(() => Boolean, {
    description:
      'Ends every session of the signed-in user, browsers and API clients alike, on every device; their access tokens stop working at once.',
  })
  async signOutEverywhere(@CurrentActor() actor: Actor, @Context() ctx: RequestContext): Promise<boolean> {
    return this.sessions.signOutEverywhere(actor, ctx);
  }

  @Query(() => [UserSession], {
    description: 'Your open sessions, the most recently used first: every browser, device and API client where you are signed in. `current` marks the one this request comes from.',
  })
  async mySessions(@CurrentActor() actor: Actor): Promise<UserSession[]> {
    return this.sessions.list(actor);
  }

  @Mutation(() => Boolean, {
    description:
      'Ends one of your own sessions (a lost phone, a shared computer): it can no longer renew its access token, and its access tokens stop working at once. NOT_FOUND when the id is not one of your open sessions.',
  })
  async revokeSession(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor, @Context() ctx: RequestContext): Promise<boolean> {
    return this.sessions.revoke(actor, id, ctx);
  }
}
