import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Public, RequestContext } from '@referloop/common';
import { LoginInput } from '../dto/login.input';
import { AuthPayload } from '../user.model';
import { BrowserSessions } from './browser-sessions.service';
import { UserSession } from './user-session.model';

/** Browser sessions: the web app's way of signing in (API clients use `login` and a bearer token). */
@Resolver()
export class SessionsResolver {
  constructor(private readonly sessions: BrowserSessions) {}

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
      "A fresh access token for the browser session in the cookie, whose secret is replaced at the same time. Presenting a replaced cookie again ends the session (it was copied). UNAUTHENTICATED when the session is missing, has expired (reason SESSION_EXPIRED) or has ended (SESSION_REVOKED): sign in again.",
  })
  async refreshSession(@Context() ctx: RequestContext): Promise<AuthPayload> {
    return this.sessions.refresh(ctx);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      "Ends this browser's session (the cookie's, or the access token's) and clears the cookie; the session's access tokens stop working at once. False when no open session was found.",
  })
  async signOut(@Context() ctx: RequestContext): Promise<boolean> {
    return this.sessions.signOut(ctx);
  }

  @Mutation(() => Boolean, {
    description:
      "Ends every browser session of the signed-in user, on every device; their access tokens stop working at once. Bearer tokens from `login` are not sessions: they last until they expire.",
  })
  async signOutEverywhere(@CurrentActor() actor: Actor, @Context() ctx: RequestContext): Promise<boolean> {
    return this.sessions.signOutEverywhere(actor, ctx);
  }

  @Query(() => [UserSession], {
    description: 'Your open browser sessions, the most recently used first: every browser and device where you are signed in. `current` marks the one this request comes from.',
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
