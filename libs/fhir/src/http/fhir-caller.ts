import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { TokenService, UserRepository } from '@referloop/auth';
import type { Actor } from '@referloop/common';
import { clientAddress } from '@referloop/core';
import { forbidden, unauthenticated } from '../errors/fhir-error';

/**
 * Who calls the FHIR API: the same bearer access token as GraphQL, and the same check of it on
 * every request (UserRepository.findActiveActor: an active user, a session still open), so a
 * disabled account or an ended session stops working here at once too. A session that may only
 * enrol a second factor may do nothing here, as GraphQL allows it nothing but enrolling.
 */
@Injectable()
export class FhirCaller {
  constructor(
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
  ) {}

  async actorOf(request: FastifyRequest): Promise<Actor> {
    const authorization = request.headers.authorization;
    if (!/^Bearer\s+\S+$/i.test(authorization ?? '')) throw unauthenticated('Sign in first: send Authorization: Bearer <accessToken>');
    const claims = this.tokens.bearerClaims(authorization);
    const actor = claims && (await this.users.findActiveActor(claims, clientAddress(request.ip)));
    if (!actor) throw unauthenticated('Your session is invalid or has expired; sign in again');
    if (actor.needsSecondFactor) throw forbidden('Turn on two-factor sign-in first: your account must use it');
    return actor;
  }
}
