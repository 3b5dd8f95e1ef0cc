import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, DURING_ENROLMENT, PUBLIC_OPERATION, requestContext } from '@referloop/common';
import { ErrorReason, forbidden, unauthenticated } from '@referloop/core';
import { TokenService } from './token.service';
import { UserRepository } from './user.repository';

/**
 * Global guard for GraphQL operations: verifies the bearer token and re-reads the user (and the
 * token's browser session, if it has one) on every request, so a disabled account's tokens, and
 * an ended session's, stop working at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_OPERATION, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;

    const ctx = requestContext(context);
    // The actor is read once per request and kept: every field of it (a request may hold several
    // mutations) is still checked against what a session that may only enrol is allowed.
    ctx.actor ??= await this.actorOf(ctx.authorization, ctx.ipAddress);
    if (ctx.actor.needsSecondFactor && !this.reflector.getAllAndOverride<boolean>(DURING_ENROLMENT, [context.getHandler(), context.getClass()])) {
      throw forbidden('Turn on two-factor sign-in first: your account must use it', ErrorReason.TWO_FACTOR_ENROLMENT_REQUIRED);
    }
    return true;
  }

  private async actorOf(authorization: string | undefined, ipAddress: string | null): Promise<Actor> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw unauthenticated('Sign in first: send Authorization: Bearer <accessToken>');
    const actor = await this.users.findActiveActor(this.tokens.verify(match[1]), ipAddress);
    if (!actor) throw unauthenticated('Your session is invalid or has expired; sign in again');
    return actor;
  }
}
