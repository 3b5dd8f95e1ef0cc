import { Args, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Connection, connectionType, CurrentActor, PageArgs, pageRequest } from '@referloop/common';
import { requireUuid } from '@referloop/core';
import {
  CreateWebhookEndpointInput,
  RecoverWebhookEndpointInput,
  ResendWebhookEventInput,
  UpdateWebhookEndpointInput,
  WebhookEndpointIdInput,
} from './webhook-endpoint.inputs';
import { WebhookAttempt, WebhookEndpoint, WebhookEndpointWithSecret } from './webhook-endpoint.model';
import { WebhookEndpointsService } from './webhook-endpoints.service';

@ObjectType()
export class WebhookEndpointConnection extends connectionType(WebhookEndpoint, 'WebhookEndpoint') {}

@ObjectType()
export class WebhookAttemptConnection extends connectionType(WebhookAttempt, 'WebhookAttempt') {}

/** Webhook endpoints, for clinic admins (their clinic's) and platform admins (any clinic's). */
@Resolver(() => WebhookEndpoint)
export class WebhookEndpointsResolver {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Query(() => WebhookEndpointConnection, { description: "Webhook endpoints, newest first: a clinic admin's clinic's, or (platform admins) every clinic's or one's." })
  async webhookEndpoints(
    @CurrentActor() actor: Actor,
    @Args({ type: () => PageArgs }) args: PageArgs,
    @Args('clinicId', { type: () => ID, nullable: true }) clinicId?: string | null,
  ): Promise<Connection<WebhookEndpoint>> {
    return this.endpoints.list(actor, clinicId ? requireUuid(clinicId, 'clinicId') : null, pageRequest(args));
  }

  @Query(() => WebhookEndpoint)
  async webhookEndpoint(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<WebhookEndpoint> {
    return this.endpoints.get(actor, requireUuid(id, 'id'));
  }

  @ResolveField(() => WebhookAttemptConnection, { description: "Every attempt to deliver to it, newest first: status code, duration, error; never the body or the secret." })
  async attempts(@Parent() endpoint: WebhookEndpoint, @Args({ type: () => PageArgs }) args: PageArgs): Promise<Connection<WebhookAttempt>> {
    return this.endpoints.attempts(endpoint, pageRequest(args));
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description: "Registers an endpoint for a clinic's events. The answer holds its signing secret, shown this once. Only https URLs in production; never a private, loopback or link-local address unless WEBHOOK_ALLOW_PRIVATE_TARGETS is on.",
  })
  async createWebhookEndpoint(@CurrentActor() actor: Actor, @Args('input', { type: () => CreateWebhookEndpointInput }) input: CreateWebhookEndpointInput): Promise<WebhookEndpointWithSecret> {
    return this.endpoints.create(actor, input);
  }

  @Mutation(() => WebhookEndpoint, { description: "Changes an endpoint's URL, events or description: the fields given change, the others stay." })
  async updateWebhookEndpoint(@CurrentActor() actor: Actor, @Args('input', { type: () => UpdateWebhookEndpointInput }) input: UpdateWebhookEndpointInput): Promise<WebhookEndpoint> {
    return this.endpoints.update(actor, input);
  }

  @Mutation(() => WebhookEndpoint, {
    description:
      'Stops sending to the endpoint. Deliveries already written and due meanwhile fail, for recoverWebhookEndpoint to send again; events of changes made while it is off are not written for it.',
  })
  async disableWebhookEndpoint(@CurrentActor() actor: Actor, @Args('input', { type: () => WebhookEndpointIdInput }) input: WebhookEndpointIdInput): Promise<WebhookEndpoint> {
    return this.endpoints.setEnabled(actor, input.id, false);
  }

  @Mutation(() => WebhookEndpoint, { description: 'Sends to the endpoint again, from the next event on (and clears why it was disabled).' })
  async enableWebhookEndpoint(@CurrentActor() actor: Actor, @Args('input', { type: () => WebhookEndpointIdInput }) input: WebhookEndpointIdInput): Promise<WebhookEndpoint> {
    return this.endpoints.setEnabled(actor, input.id, true);
  }

  @Mutation(() => Boolean, { description: 'Deletes the endpoint, its deliveries and its attempts.' })
  async deleteWebhookEndpoint(@CurrentActor() actor: Actor, @Args('input', { type: () => WebhookEndpointIdInput }) input: WebhookEndpointIdInput): Promise<boolean> {
    return this.endpoints.delete(actor, input.id);
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description: 'A new signing secret, shown this once. For 24 hours the previous one signs too (both signatures in webhook-signature), so the receiver can move over without losing an event.',
  })
  async rotateWebhookSecret(@CurrentActor() actor: Actor, @Args('input', { type: () => WebhookEndpointIdInput }) input: WebhookEndpointIdInput): Promise<WebhookEndpointWithSecret> {
    return this.endpoints.rotateSecret(actor, input.id);
  }

  @Mutation(() => Boolean, { description: 'Sends one event to the endpoint again, from a first attempt, with the same webhook-id.' })
  async resendWebhookEvent(@CurrentActor() actor: Actor, @Args('input', { type: () => ResendWebhookEventInput }) input: ResendWebhookEventInput): Promise<boolean> {
    return this.endpoints.resend(actor, input.endpointId, input.eventId);
  }

  @Mutation(() => Int, { description: 'Sends again every event whose delivery to the endpoint failed, of those since `since` (after an outage); how many.' })
  async recoverWebhookEndpoint(@CurrentActor() actor: Actor, @Args('input', { type: () => RecoverWebhookEndpointInput }) input: RecoverWebhookEndpointInput): Promise<number> {
    return this.endpoints.recover(actor, input.id, input.since);
  }
}
