import { describe, expect, it } from 'vitest';
import type { WebhookEventType } from '../../gql/graphql';
import { formatDateTime } from '../../lib/clinic-time';
import {
  actionsFor,
  ALL_EVENTS,
  defaultRecoverSince,
  endpointLabel,
  endpointName,
  endpointState,
  EVENT_LABELS,
  eventCount,
  formatDuration,
  REFERRAL_EVENTS,
  urlRefusalInWords,
  urlRule,
  wireName,
  type Endpoint,
} from './integrations-rules';

const ZONE = 'America/Chicago';

const endpoint = (overrides: Partial<Endpoint> = {}): Endpoint => ({
  id: 'e-1',
  url: 'https://ehr.example.com/referloop',
  description: 'Practice EHR',
  events: ['REFERRAL_SENT'],
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  failingSince: null,
  previousSecretValidUntil: null,
  createdAt: '2026-03-02T15:00:00.000Z',
  ...overrides,
});

describe('the event catalogue', () => {
  // A new WebhookEventType fails the type-check of EVENT_LABELS first; this checks the areas hold each once.
  it('puts every event in one area, in words and by its wire name', () => {
    const labelled = Object.keys(EVENT_LABELS) as WebhookEventType[];
    expect(new Set(ALL_EVENTS).size).toBe(ALL_EVENTS.length);
    expect([...ALL_EVENTS].sort()).toEqual([...labelled].sort());
    expect(wireName('REFERRAL_INFO_REQUESTED')).toBe('referral.info_requested');
    expect(wireName('REFERRAL_OUTCOME_ACKNOWLEDGED')).toBe('referral.outcome_acknowledged');
    expect(wireName('NOTIFICATION_FAILED')).toBe('notification.failed');
    expect(REFERRAL_EVENTS).not.toContain('NOTIFICATION_FAILED');
    expect(REFERRAL_EVENTS).toHaveLength(ALL_EVENTS.length - 1);
  });

  it('counts the events in words', () => {
    expect(eventCount(['REFERRAL_SENT'])).toBe('1 event');
    expect(eventCount(['REFERRAL_SENT', 'REFERRAL_ACCEPTED'])).toBe('2 events');
    expect(eventCount(ALL_EVENTS)).toBe('All 20 events');
  });
});

describe('endpointState', () => {
  it('says whether events are sent, and if not why and since when', () => {
    expect(endpointState(endpoint(), ZONE)).toEqual({ label: 'Enabled', color: 'green', detail: null });
    const failing = endpointState(endpoint({ failingSince: '2026-03-03T08:15:00.000Z' }), ZONE);
    expect(failing.label).toBe('Failing');
    expect(failing.detail).toContain(`since ${formatDateTime('2026-03-03T08:15:00.000Z', ZONE)}`);
    const disabledAt = '2026-03-08T08:15:00.000Z';
    expect(endpointState(endpoint({ enabled: false, disabledReason: 'BY_ADMIN', disabledAt }), ZONE).detail).toBe(`Disabled by an admin on ${formatDateTime(disabledAt, ZONE)}.`);
    expect(endpointState(endpoint({ enabled: false, disabledReason: 'GONE', disabledAt }), ZONE).detail).toMatch(/410 Gone/);
    const forFailing = endpointState(endpoint({ enabled: false, disabledReason: 'FAILING', disabledAt, failingSince: '2026-03-03T08:15:00.000Z' }), ZONE).detail;
    expect(forFailing).toMatch(/every attempt failed for 5 days, since .*Your clinic’s admins were emailed\.$/);
  });
});

describe('actionsFor', () => {
  it('offers sending failed events again only to an enabled endpoint, and enabling to a disabled one', () => {
    expect(actionsFor(endpoint())).toEqual(['edit', 'recover', 'rotate', 'disable', 'delete']);
    expect(actionsFor(endpoint({ enabled: false }))).toEqual(['edit', 'enable', 'rotate', 'delete']);
  });
});

describe('names', () => {
  it('names an endpoint by its description, or its address when it has none', () => {
    expect(endpointName(endpoint())).toBe('Practice EHR');
    expect(endpointLabel(endpoint())).toBe('Practice EHR (https://ehr.example.com/referloop)');
    expect(endpointName(endpoint({ description: '  ' }))).toBe('https://ehr.example.com/referloop');
    expect(endpointLabel(endpoint({ description: '' }))).toBe('https://ehr.example.com/referloop');
  });
});

describe('defaultRecoverSince', () => {
  it('starts when the endpoint started failing, or a day ago', () => {
    const now = Date.parse('2026-03-05T12:00:00.000Z');
    expect(defaultRecoverSince(endpoint({ failingSince: '2026-03-03T08:15:00.000Z' }), now)).toBe('2026-03-03T08:15:00.000Z');
    expect(defaultRecoverSince(endpoint(), now)).toBe('2026-03-04T12:00:00.000Z');
  });
});

describe('urlRule and the API’s words about the URL', () => {
  it('asks for an absolute http(s) address without credentials, and leaves the rest to the API', () => {
    expect(urlRule('')).toBe('Enter the address your system receives events at');
    expect(urlRule('ehr.example.com/hooks')).toBe('Enter the full address, starting with https://');
    expect(urlRule('ftp://ehr.example.com/hooks')).toBe('The address starts with https://');
    expect(urlRule('https://me:pw@ehr.example.com/hooks')).toMatch(/^Leave out the user name and password/);
    expect(urlRule(' https://ehr.example.com/hooks ')).toBeNull();
    // Plain http is for the server to refuse: it is allowed for a receiver on this machine in development.
    expect(urlRule('http://127.0.0.1:8080/hooks')).toBeNull();
  });

  it('words a refusal of the URL as being about the address', () => {
    expect(urlRefusalInWords('Url must start with https://: webhooks carry signed events')).toBe('The address must start with https://: webhooks carry signed events');
    expect(urlRefusalInWords('url points to a private, loopback or link-local address')).toBe('The address points to a private, loopback or link-local address');
  });
});

describe('formatDuration', () => {
  it('gives milliseconds under a second, then seconds', () => {
    expect(formatDuration(85)).toBe('85 ms');
    expect(formatDuration(2400)).toBe('2.4 s');
    expect(formatDuration(15000)).toBe('15 s');
  });
});
