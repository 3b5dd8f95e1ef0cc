import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DateTime } from '@referloop/common';
import { WebhookEventType } from './webhook-event-type';

const ID_MESSAGE = { message: 'id must be an id returned by this API' } as const;
const EVENT_COUNT = Object.keys(WebhookEventType).length;

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => ID, { nullable: true, description: "The clinic whose events it receives: platform admins name it; a clinic admin's is their own." })
  @IsOptional()
  @IsUUID('all', { message: 'clinicId must be an id returned by this API' })
  clinicId?: string | null;

  @Field(() => String, { description: 'Where events are POSTed: https (http only for a receiver on this machine in development).' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @Field(() => [WebhookEventType], { description: 'The events it receives, at least one.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayMaxSize(EVENT_COUNT)
  @ArrayUnique()
  @IsEnum(WebhookEventType, { each: true })
  events!: string[];

  @Field(() => String, { nullable: true, description: 'What it is for, for the clinic’s own admins ("Practice EHR, production").' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}

@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => ID)
  @IsUUID('all', ID_MESSAGE)
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string | null;

  @Field(() => [WebhookEventType], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayMaxSize(EVENT_COUNT)
  @ArrayUnique()
  @IsEnum(WebhookEventType, { each: true })
  events?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}

@InputType()
export class WebhookEndpointIdInput {
  @Field(() => ID)
  @IsUUID('all', ID_MESSAGE)
  id!: string;
}

@InputType()
export class ResendWebhookEventInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'endpointId must be an id returned by this API' })
  endpointId!: string;

  @Field(() => ID, { description: 'The event: its `webhook-id`, or `eventId` in the endpoint’s attempts.' })
  @IsUUID('all', { message: 'eventId must be an id returned by this API' })
  eventId!: string;
}

@InputType()
export class RecoverWebhookEndpointInput {
  @Field(() => ID)
  @IsUUID('all', ID_MESSAGE)
  id!: string;

  @Field(() => DateTime, { description: 'Every delivery to the endpoint that failed, of events since this time, is sent again.' })
  @IsDate()
  since!: Date;
}
