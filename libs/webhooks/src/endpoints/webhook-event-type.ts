import { registerEnumType } from '@nestjs/graphql';
import { WEBHOOK_EVENT_NAMES } from '@referloop/notifications';

/** `referral.info_requested` ↔ `REFERRAL_INFO_REQUESTED`: GraphQL enum values cannot hold a dot. */
const enumValueOf = (wireName: string): string => wireName.replace(/\./g, '_').toUpperCase();

/**
 * The events an endpoint subscribes to, as a GraphQL enum derived from the catalogue, each value
 * described by its name on the wire (the `type` of the payload).
 */
export const WebhookEventType: Readonly<Record<string, string>> = Object.fromEntries(WEBHOOK_EVENT_NAMES.map((name) => [enumValueOf(name), enumValueOf(name)]));

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: "An event an endpoint can subscribe to; on the wire its payload's `type` is the lower-case, dotted name (REFERRAL_SENT is `referral.sent`).",
  valuesMap: Object.fromEntries(WEBHOOK_EVENT_NAMES.map((name) => [enumValueOf(name), { description: `\`${name}\`` }])),
});

const WIRE_NAME = new Map(WEBHOOK_EVENT_NAMES.map((name) => [enumValueOf(name), name]));

/** The stored (wire) name of an enum value. */
export const wireNameOf = (value: string): string => {
  const name = WIRE_NAME.get(value);
  if (!name) throw new Error(`Not a webhook event type: ${value}`);
  return name;
};

/** The enum value of a stored (wire) name. */
export const eventTypeOf = (wireName: string): string => enumValueOf(wireName);
