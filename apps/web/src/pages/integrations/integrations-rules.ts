import type { IntegrationAttemptFieldsFragment, IntegrationEndpointFieldsFragment, WebhookEventType } from '../../gql/graphql';
import { formatDateTime } from '../../lib/clinic-time';

export type Endpoint = IntegrationEndpointFieldsFragment;
export type Attempt = IntegrationAttemptFieldsFragment;

/**
 * `REFERRAL_INFO_REQUESTED` → `referral.info_requested`: the payload's `type`, which is what a
 * receiver's developer looks for. GraphQL enum values cannot hold a dot; the API makes them by
 * putting an underscore for the one dot, after the first word.
 */
export const wireName = (type: WebhookEventType): string => type.toLowerCase().replace('_', '.');

/** Each event in a few words, as the clinic's admin thinks of it. */
export const EVENT_LABELS: Record<WebhookEventType, string> = {
  REFERRAL_CREATED: 'Created (your clinic’s own referrals)',
  REFERRAL_UPDATED: 'Draft edited',
  REFERRAL_SENT: 'Sent',
  REFERRAL_INFO_REQUESTED: 'Information requested',
  REFERRAL_INFO_PROVIDED: 'Information provided',
  REFERRAL_ACCEPTED: 'Accepted',
  REFERRAL_DECLINED: 'Declined',
  REFERRAL_EXPIRED: 'Expired without an answer',
  REFERRAL_CANCELLED: 'Cancelled',
  REFERRAL_REDIRECTED: 'Redirected',
  REFERRAL_SCHEDULED: 'Scheduled',
  REFERRAL_RESCHEDULED: 'Rescheduled',
  REFERRAL_TREATMENT_STARTED: 'Treatment started',
  REFERRAL_TREATMENT_PLAN_SET: 'Treatment plan set',
  REFERRAL_VISIT_RECORDED: 'Visit recorded',
  REFERRAL_NO_SHOW: 'Visit missed (no-show)',
  REFERRAL_PROGRESS_REPORTED: 'Progress reported',
  REFERRAL_OUTCOME_REPORTED: 'Outcome reported',
  REFERRAL_OUTCOME_ACKNOWLEDGED: 'Outcome acknowledged (loop closed)',
  NOTIFICATION_FAILED: 'An email about a referral failed',
};

export interface EventArea {
  key: string;
  label: string;
  events: readonly WebhookEventType[];
  /** Part of "All referral events": every area but the failed emails. */
  referral: boolean;
}

/** The events by the part of a referral's life they tell of, in the order docs/webhooks.md gives them. */
export const EVENT_AREAS: readonly EventArea[] = [
  {
    key: 'answered',
    label: 'Sent and answered',
    referral: true,
    events: [
      'REFERRAL_CREATED',
      'REFERRAL_UPDATED',
      'REFERRAL_SENT',
      'REFERRAL_INFO_REQUESTED',
      'REFERRAL_INFO_PROVIDED',
      'REFERRAL_ACCEPTED',
      'REFERRAL_DECLINED',
      'REFERRAL_EXPIRED',
      'REFERRAL_CANCELLED',
      'REFERRAL_REDIRECTED',
    ],
  },
  {
    key: 'episode',
    label: 'Treatment episode',
    referral: true,
    events: ['REFERRAL_SCHEDULED', 'REFERRAL_RESCHEDULED', 'REFERRAL_TREATMENT_STARTED', 'REFERRAL_TREATMENT_PLAN_SET', 'REFERRAL_VISIT_RECORDED', 'REFERRAL_NO_SHOW', 'REFERRAL_PROGRESS_REPORTED'],
  },
  { key: 'outcome', label: 'Outcome', referral: true, events: ['REFERRAL_OUTCOME_REPORTED', 'REFERRAL_OUTCOME_ACKNOWLEDGED'] },
  { key: 'email', label: 'Email failures', referral: false, events: ['NOTIFICATION_FAILED'] },
];

export const ALL_EVENTS: readonly WebhookEventType[] = EVENT_AREAS.flatMap((area) => area.events);
export const REFERRAL_EVENTS: readonly WebhookEventType[] = EVENT_AREAS.filter((area) => area.referral).flatMap((area) => area.events);

/** The events chosen, in the catalogue's order (the order the form and the row list them in). */
export const inCatalogueOrder = (events: readonly WebhookEventType[]): WebhookEventType[] => ALL_EVENTS.filter((event) => events.includes(event));

/** "All 20 events", "3 events", "1 event". */
export function eventCount(events: readonly WebhookEventType[]): string {
  if (events.length === ALL_EVENTS.length) return `All ${events.length} events`;
  return events.length === 1 ? '1 event' : `${events.length} events`;
}

/** What names an endpoint to a person: its description, or its address when it has none. */
export const endpointName = (endpoint: Pick<Endpoint, 'description' | 'url'>): string => endpoint.description.trim() || endpoint.url;

/** The endpoint in a button's accessible name: "Practice EHR (https://…)", or the address alone. */
export const endpointLabel = (endpoint: Pick<Endpoint, 'description' | 'url'>): string =>
  endpoint.description.trim() ? `${endpoint.description.trim()} (${endpoint.url})` : endpoint.url;

export interface EndpointState {
  label: string;
  color: string;
  /** Why, and since when, in a sentence; null when there is nothing to add. */
  detail: string | null;
}

/** Whether events are sent, and if not why; failing while still enabled is said too. */
export function endpointState(endpoint: Endpoint, timeZone: string): EndpointState {
  const at = (iso: string | null) => (iso ? formatDateTime(iso, timeZone) : null);
  const since = at(endpoint.failingSince);
  if (endpoint.enabled) {
    return since
      ? { label: 'Failing', color: 'orange', detail: `Every attempt has failed since ${since}. ReferLoop keeps retrying; after 5 days of failures it disables the endpoint.` }
      : { label: 'Enabled', color: 'green', detail: null };
  }
  const when = at(endpoint.disabledAt);
  const on = when ? ` on ${when}` : '';
  switch (endpoint.disabledReason) {
    case 'GONE':
      return { label: 'Disabled', color: 'red', detail: `Disabled${on}: the receiver answered 410 Gone, saying it is no longer there.` };
    case 'FAILING':
      return {
        label: 'Disabled',
        color: 'red',
        detail: `Disabled${on}: every attempt failed for 5 days${since ? `, since ${since}` : ''}. Your clinic’s admins were emailed.`,
      };
    default:
      return { label: 'Disabled', color: 'gray', detail: `Disabled by an admin${on}.` };
  }
}

/** What an admin can do with an endpoint from its row. */
export type EndpointAction = 'edit' | 'recover' | 'rotate' | 'disable' | 'enable' | 'delete';

/**
 * The actions the API takes for this endpoint: failed events are sent again only to an enabled
 * endpoint (the API refuses a disabled one), so a disabled endpoint offers enabling instead.
 */
export function actionsFor(endpoint: Pick<Endpoint, 'enabled'>): EndpointAction[] {
  return endpoint.enabled ? ['edit', 'recover', 'rotate', 'disable', 'delete'] : ['edit', 'enable', 'rotate', 'delete'];
}

/** Where "Send failed events again" starts unless the admin chooses otherwise: when it started failing, or a day ago. */
export function defaultRecoverSince(endpoint: Pick<Endpoint, 'failingSince'>, now: number): string {
  return endpoint.failingSince ?? new Date(now - 24 * 3600_000).toISOString();
}

/** "850 ms", "2.4 s", "15 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
}

/**
 * The address, checked before sending as far as a browser can: an absolute http(s) URL without a
 * user name or password. Whether plain http or a private address is allowed only the server
 * knows (it depends on how ReferLoop runs): it says so beside the field.
 */
export function urlRule(value: string): string | null {
  const text = value.trim();
  if (!text) return 'Enter the address your system receives events at';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Enter the full address, starting with https://';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The address starts with https://';
  if (url.username || url.password) return 'Leave out the user name and password: the signature proves the sender';
  return text.length > 2000 ? 'At most 2000 characters' : null;
}

export const descriptionRule = (value: string): string | null => (value.trim().length > 500 ? 'At most 500 characters' : null);

export const eventsRule = (value: readonly WebhookEventType[]): string | null => (value.length > 0 ? null : 'Choose at least one event');

/**
 * The API's words about the URL, beside the field: it names the input (`url must start with
 * https://`), which reads better as "The address …".
 */
export const urlRefusalInWords = (message: string): string => message.replace(/^(input\.)?url\b:?\s*/i, 'The address ');
