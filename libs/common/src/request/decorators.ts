import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '@referloop/core';
import { Actor } from './actor';
import { RequestContext } from './request-context';

export const PUBLIC_OPERATION = 'referloop:public';

/** Marks a resolver that answers without a signed-in user (login). */
export const Public = () => SetMetadata(PUBLIC_OPERATION, true);

export const DURING_ENROLMENT = 'referloop:during-enrolment';
/**
 * Marks an operation that a session signed in only to enrol a second factor may run (the user
 * must use one and has not enrolled): enrolling, and reading who they are. Nothing else.
 */
export const AllowedDuringEnrolment = () => SetMetadata(DURING_ENROLMENT, true);

export function requestContext(context: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(context).getContext<RequestContext>();
}

/** The signed-in caller; the auth guard has already refused anonymous requests. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = requestContext(context).actor;
  if (!actor) throw unauthenticated();
  return actor;
});

/**
 * The signed-in caller, or null in an operation that answers without one (a sign-in's answer
 * names its user before anyone is signed in): for fields whose visibility depends on who asks.
 */
export const ViewingActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor | null => requestContext(context).actor ?? null);

/** The request's audit trail, for services that read or change patients and referrals. */
export const Audit = createParamDecorator((_data: unknown, context: ExecutionContext) => requestContext(context).audit);

/** The request's batch loaders. */
export const RequestLoaders = createParamDecorator((_data: unknown, context: ExecutionContext) => requestContext(context).loaders);
