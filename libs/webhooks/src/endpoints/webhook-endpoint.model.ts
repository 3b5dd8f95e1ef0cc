import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTime } from '@referloop/common';
import { EndpointDisabledReason } from '../delivery/webhook-delivery.repository';
import { WebhookEventType } from './webhook-event-type';

registerEnumType(EndpointDisabledReason, {
  name: 'WebhookDisabledReason',
  valuesMap: {
    BY_ADMIN: { description: 'An admin disabled it.' },
    GONE: { description: 'It answered 410 Gone.' },
    FAILING: { description: 'Every attempt failed for WEBHOOK_DISABLE_AFTER_HOURS (5 days); its clinic admins were told.' },
  },
});

@ObjectType({ description: "A clinic's receiver of webhook events (Standard Webhooks)." })
export class WebhookEndpoint {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  clinicId!: string;

  @Field(() => String)
  url!: string;

  @Field(() => String)
  description!: string;

  @Field(() => [WebhookEventType])
  events!: string[];

  @Field(() => Boolean, { description: 'Events are sent to it; false once disabled (by an admin, a 410, or failing for days).' })
  enabled!: boolean;

  @Field(() => EndpointDisabledReason, { nullable: true })
  disabledReason!: EndpointDisabledReason | null;

  @Field(() => DateTime, { nullable: true })
  disabledAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Its first failed attempt since the last success; null while it succeeds.' })
  failingSince!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Until when the secret before the last rotation still signs too.' })
  previousSecretValidUntil!: Date | null;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime)
  updatedAt!: Date;
}

@ObjectType()
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field(() => String, { description: 'The signing secret (`whsec_…`), shown this once: keep it where the receiver verifies signatures.' })
  secret!: string;
}

@ObjectType({ description: 'One attempt to deliver an event to an endpoint.' })
export class WebhookAttempt {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The event, which is also the `webhook-id` header: the same on every attempt.' })
  eventId!: string;

  @Field(() => WebhookEventType)
  eventType!: string;

  @Field(() => Int, { description: '1 for the first attempt of this delivery, 2 for its first retry, …' })
  attempt!: number;

  @Field(() => DateTime)
  at!: Date;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status; null when it did not answer." })
  statusCode!: number | null;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => Boolean)
  succeeded!: boolean;

  @Field(() => String, { nullable: true })
  error!: string | null;
}
