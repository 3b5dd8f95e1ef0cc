// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../lib/clinic-time';
import { CLINIC, renderPage } from '../onboarding/test-harness';
import { IntegrationsPage } from './integrations-page';
import { CREATE_ENDPOINT, DELETE_ENDPOINT, DISABLE_ENDPOINT, ENABLE_ENDPOINT, ENDPOINT_ATTEMPTS, ENDPOINT_LIST, RECOVER_ENDPOINT, RESEND_EVENT, ROTATE_SECRET, UPDATE_ENDPOINT } from './integrations-queries';
import { REFERRAL_EVENTS, type Attempt, type Endpoint } from './integrations-rules';

afterEach(cleanup);

const URL_OF_EHR = 'https://ehr.example.com/referloop';
const SECRET = 'whsec_c2VjcmV0LXNob3duLW9uY2UtYW5kLW5ldmVyLWFnYWlu';

const endpoint = (overrides: Partial<Endpoint> = {}): Endpoint & { __typename: 'WebhookEndpoint' } => ({
  __typename: 'WebhookEndpoint',
  id: 'e-1',
  url: URL_OF_EHR,
  description: 'Practice EHR',
  events: ['REFERRAL_SENT', 'REFERRAL_ACCEPTED', 'REFERRAL_OUTCOME_REPORTED'],
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  failingSince: null,
  previousSecretValidUntil: null,
  createdAt: '2026-03-02T15:00:00.000Z',
  ...overrides,
});

const listOf = (endpoints: Endpoint[]) => ({
  request: { query: ENDPOINT_LIST, variables: { first: 20 } },
  result: {
    data: {
      webhookEndpoints: {
        __typename: 'WebhookEndpointConnection',
        totalCount: endpoints.length,
        edges: endpoints.map((node, index) => ({ __typename: 'WebhookEndpointEdge', cursor: `c${index}`, node })),
        pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
      },
    },
  },
});

const attempt = (overrides: Partial<Attempt> = {}): Attempt & { __typename: 'WebhookAttempt' } => ({
  __typename: 'WebhookAttempt',
  id: 'a-1',
  eventId: 'ev-1',
  eventType: 'REFERRAL_SENT',
  attempt: 1,
  at: '2026-03-02T16:30:00.000Z',
  statusCode: 200,
  durationMs: 85,
  error: null,
  succeeded: true,
  ...overrides,
});

const attemptsOf = (attempts: Attempt[], more: { endCursor: string; total: number } | null = null, after?: string) => ({
  request: { query: ENDPOINT_ATTEMPTS, variables: after ? { id: 'e-1', first: 20, after } : { id: 'e-1', first: 20 } },
  result: {
    data: {
      webhookEndpoint: {
        __typename: 'WebhookEndpoint',
        id: 'e-1',
        enabled: true,
        attempts: {
          __typename: 'WebhookAttemptConnection',
          totalCount: more?.total ?? attempts.length,
          edges: attempts.map((node) => ({ __typename: 'WebhookAttemptEdge', cursor: node.id, node })),
          pageInfo: { __typename: 'PageInfo', endCursor: more?.endCursor ?? null, hasNextPage: more !== null },
        },
      },
    },
  },
});

const rowOf = async (name: RegExp | string) => within(await screen.findByRole('list', { name: 'Webhook endpoints' })).getAllByRole('listitem').find((row) => within(row).queryByText(name)) as HTMLElement;

async function act(row: HTMLElement, action: string) {
  fireEvent.click(within(row).getByRole('button', { name: /^Actions for / }));
  fireEvent.click(await screen.findByRole('menuitem', { name: action }));
}

describe('IntegrationsPage', () => {
  it('tells a coordinator or a provider that only admins manage integrations, without asking the API', async () => {
    // A platform admin too: they manage any clinic's through the API, which the note says.
    for (const role of ['COORDINATOR', 'PROVIDER', 'PLATFORM_ADMIN'] as const) {
      // No mocks but the viewer's: a question to the API would fail, and show.
      renderPage(<IntegrationsPage />, { role });
      expect(await screen.findByText('Only admins manage integrations')).toBeTruthy();
      expect(screen.getByRole('heading', { level: 1, name: 'Integrations' })).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Add an endpoint' })).toBeNull();
      expect(screen.queryByText(/Loading the endpoints/)).toBeNull();
      expect(screen.queryByRole('alert')).toBeNull();
      cleanup();
    }
  });

  it('says what webhooks are for when the clinic has no endpoint yet', async () => {
    renderPage(<IntegrationsPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([])] });
    expect(await screen.findByText('No endpoints yet')).toBeTruthy();
    expect(screen.getByText(/Webhooks tell your own systems, such as an EHR or a practice-management system, of every change to your clinic’s referrals/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add an endpoint' })).toBeTruthy();
  });

  it('shows a list that could not be loaded, with a way to try again', async () => {
    const failed = { request: { query: ENDPOINT_LIST, variables: { first: 20 } }, error: new TypeError('Failed to fetch') };
    renderPage(<IntegrationsPage />, { role: 'CLINIC_ADMIN', mocks: [failed, listOf([endpoint()])] });
    expect(await screen.findByText('The endpoints could not be loaded')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Practice EHR')).toBeTruthy();
  });

  it('lists each endpoint with its state and why, its events on request, and buttons that name it', async () => {
    const failing = endpoint({ failingSince: '2026-03-03T08:15:00.000Z' });
    const gone = endpoint({ id: 'e-2', description: '', url: 'https://old.example.com/hooks', enabled: false, disabledReason: 'GONE', disabledAt: '2026-03-01T12:00:00.000Z' });
    const byAdmin = endpoint({ id: 'e-3', description: 'Billing', url: 'https://billing.example.com/in', enabled: false, disabledReason: 'BY_ADMIN', disabledAt: '2026-03-01T12:00:00.000Z' });
    renderPage(<IntegrationsPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([failing, gone, byAdmin])] });
    const rows = within(await screen.findByRole('list', { name: 'Webhook endpoints' })).getAllByRole('listitem');
    expect(rows).toHaveLength(3);

    expect(within(rows[0]).getByText('Failing')).toBeTruthy();
    expect(within(rows[0]).getByText(`Every attempt has failed since ${formatDateTime(failing.failingSince as string, CLINIC.timeZone)}.`, { exact: false })).toBeTruthy();
    expect(within(rows[0]).getByText(URL_OF_EHR)).toBeTruthy();
    expect(within(rows[0]).getByRole('button', { name: `Actions for Practice EHR (${URL_OF_EHR})` })).toBeTruthy();
    expect(within(rows[0]).getByRole('button', { name: `Attempts to deliver to Practice EHR (${URL_OF_EHR})` })).toBeTruthy();

    // Without a description, the address names it.
    expect(within(rows[1]).getByText('Disabled')).toBeTruthy();
    expect(within(rows[1]).getByText(/the receiver answered 410 Gone, saying it is no longer there/)).toBeTruthy();
    expect(within(rows[1]).getByRole('button', { name: 'Actions for https://old.example.com/hooks' })).toBeTruthy();
    expect(within(rows[2]).getByText(`Disabled by an admin on ${formatDateTime(byAdmin.disabledAt as string, CLINIC.timeZone)}.`)).toBeTruthy();

    // The events: how many, and their names once asked for.
    const events = within(rows[0]).getByRole('button', { name: `3 events sent to Practice EHR (${URL_OF_EHR})` });
    expect(events.getAttribute('aria-expanded')).toBe('false');
    expect(within(rows[0]).queryByText('referral.accepted')).toBeNull();
    fireEvent.click(events);
    expect(events.getAttribute('aria-expanded')).toBe('true');
    expect(within(rows[0]).getByText('referral.sent')).toBeTruthy();
    expect(within(rows[0]).getByText('referral.accepted')).toBeTruthy();
    expect(within(rows[0]).getByText('referral.outcome_reported')).toBeTruthy();
  });

  it('adds an endpoint: checks the form, shows the API’s refusal beside the address, then the secret once, gone when the dialog closes', async () => {
    const input = (url: string) => ({ input: { url, description: 'Practice EHR', events: [...REFERRAL_EVENTS] } });
    const refused = {
      request: { query: CREATE_ENDPOINT, variables: input('https://10.0.0.5/hooks') },
      result: { errors: [{ message: 'url points to a private, loopback or link-local address, which webhooks may not reach', extensions: { code: 'BAD_USER_INPUT', field: 'input.url' } }] },
    };
    const created = endpoint({ events: [...REFERRAL_EVENTS] });
    const accepted = { request: { query: CREATE_ENDPOINT, variables: input(URL_OF_EHR) }, result: { data: { createWebhookEndpoint: { __typename: 'WebhookEndpointWithSecret', secret: SECRET, endpoint: created } } } };
    renderPage(<IntegrationsPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([]), refused, accepted, listOf([created])] });
    await screen.findByText('No endpoints yet');
    fireEvent.click(screen.getByRole('button', { name: 'Add an endpoint' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add an endpoint' });

    // What the form can tell before sending.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    expect(await within(dialog).findByText('Enter the address your system receives events at')).toBeTruthy();
    expect(within(dialog).getByText('Choose at least one event')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^URL/ }), { target: { value: 'ehr.example.com' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    expect(await within(dialog).findByText('Enter the full address, starting with https://')).toBeTruthy();

    // The events by area; "All referral events" chooses every one but the failed emails.
    expect(within(dialog).getByRole('group', { name: 'Sent and answered (0 of 10)' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^All referral events/ }));
    expect(within(dialog).getByRole('group', { name: 'Treatment episode (7 of 7)' })).toBeTruthy();
    expect(within(dialog).getByRole('group', { name: 'Outcome (2 of 2)' })).toBeTruthy();
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: /^An email about a referral failed/ }).checked).toBe(false);
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: /^Accepted/ }).checked).toBe(true);

    // The server's refusal, beside the field it names, in words.
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^URL/ }), { target: { value: 'https://10.0.0.5/hooks' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Description/ }), { target: { value: 'Practice EHR' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    expect(await within(dialog).findByText('The address points to a private, loopback or link-local address, which webhooks may not reach')).toBeTruthy();
    expect(within(dialog).getByRole('textbox', { name: /^URL/ }).getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(within(dialog).getByRole('textbox', { name: /^URL/ }), { target: { value: URL_OF_EHR } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    const shown = await screen.findByRole('dialog', { name: 'Signing secret for Practice EHR' });
    expect(within(shown).getByText(SECRET)).toBeTruthy();
    expect(within(shown).getByText('Copy it now: it is not shown again')).toBeTruthy();
    expect(within(shown).getByRole('button', { name: `Copy secret of Practice EHR (${URL_OF_EHR})` })).toBeTruthy();
    expect(within(shown).getByText(/Standard Webhooks library/)).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Add an endpoint' })).toBeNull();

    fireEvent.click(within(shown).getByRole('button', { name: 'I have saved it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.body.textContent).not.toContain(SECRET);
    expect(await screen.findByRole('list', { name: 'Webhook endpoints' })).toBeTruthy();
  });

  it('rotates the secret after saying both sign for 24 hours, and shows the new one once', async () => {
    const rotated = endpoint({ previousSecretValidUntil: '2026-03-04T15:00:00.000Z' });
    const rotate = {
      request: { query: ROTATE_SECRET, variables: { input: { id: 'e-1' } } },
      result: { data: { rotateWebhookSecret: { __typename: 'WebhookEndpointWithSecret', secret: SECRET, endpoint: rotated } } },
    };
    renderPage(<IntegrationsPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([endpoint()]), rotate, listOf([rotated])] });
    await act(await rowOf('Practice EHR'), 'Rotate secret');
    const confirm = await screen.findByRole('dialog', { name: 'Rotate the signing secret of Practice EHR?' });
    expect(within(confirm).getByText(/For the next 24 hours ReferLoop signs each request with both the new and the current secret/)).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Rotate secret' }));
    const shown = await screen.findByRole('dialog', { name: 'New signing secret for Practice EHR' });
    expect(within(shown).getByText(SECRET)).toBeTruthy();
    expect(within(shown).getByText(`Until ${formatDateTime(rotated.previousSecretValidUntil as string, CLINIC.timeZone)}`, { exact: false })).toBeTruthy();
    fireEvent.click(within(shown).getByRole('button', { name: 'I have saved it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.body.textContent).not.toContain(SECRET);
    // The row says the previous secret still signs, from the list asked again.
    expect(await screen.findByText(/The previous secret signs too until/)).toBeTruthy();
  });

  it('lists the attempts newest first, a page at a time, in the clinic’s zone, and sends an event again', async () => {
    const failed = attempt({ id: 'a-2', attempt: 2, statusCode: null, succeeded: false, error: 'connect ECONNREFUSED', durationMs: 2400, eventType: 'REFERRAL_ACCEPTED', eventId: 'ev-2' });
    const older = attempt({ id: 'a-3', at: '2026-03-01T10:00:00.000Z' });
    let resent = false;
    const resend = {
      request: { query: RESEND_EVENT, variables: { input: { endpointId: 'e-1', eventId: 'ev-2' } } },
      result: () => {
        resent = true;
        return { data: { resendWebhookEvent: true } };
      },
    };
    renderPage(<IntegrationsPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([endpoint()]), attemptsOf([failed, attempt()], { endCursor: 'a-1', total: 3 }), attemptsOf([older], null, 'a-1'), resend] });
    fireEvent.click(within(await rowOf('Practice EHR')).getByRole('button', { name: /^Attempts to deliver to Practice EHR/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Attempts to deliver to Practice EHR' });
    const list = await within(dialog).findByRole('list', { name: 'Attempts to deliver to Practice EHR' });
    let rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    const at = formatDateTime(failed.at, CLINIC.timeZone);
    expect(at).toMatch(/C[SD]T$/);
    expect(within(rows[0]).getByText('referral.accepted')).toBeTruthy();
    expect(within(rows[0]).getByText(`${at} · attempt 2 · no answer · 2.4 s`)).toBeTruthy();
    expect(within(rows[0]).getByText('connect ECONNREFUSED')).toBeTruthy();
    expect(within(rows[0]).getByText('Failed')).toBeTruthy();
    expect(within(rows[1]).getByText(`${formatDateTime(attempt().at, CLINIC.timeZone)} · attempt 1 · status 200 · 85 ms`)).toBeTruthy();
    expect(within(rows[1]).getByText('Delivered')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Load more (2 of 3 shown)' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    rows = within(list).getAllByRole('listitem');
    expect(within(rows[2]).getByText(`${formatDateTime(older.at, CLINIC.timeZone)} · attempt 1 · status 200 · 85 ms`)).toBeTruthy();

    fireEvent.click(within(rows[0]).getByRole('button', { name: `Send again referral.accepted of ${at} to Practice EHR (${URL_OF_EHR})` }));
    await waitFor(() => expect(resent).toBe(true));
    expect(within(rows[0]).queryByRole('alert')).toBeNull();
  });

  it('sends the failed events again from when the endpoint started failing, in the clinic’s zone', async () => {
    // 15:00 UTC is 9:00 in Chicago (CST).
    const failing = endpoint({ failingSince: '2026-03-02T15:00:00.000Z' });
    let recovered = false;
    const recover = {
      request: { query: RECOVER_ENDPOINT, variables: { input: { id: 'e-1', since: '2026-03-02T15:00:00.000Z' } } },
      result: () => {
        recovered = true;
        return { data: { recoverWebhookEndpoint: 3 } };
      },
    };
    renderPage(<IntegrationsPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([failing]), recover] });
    await act(await rowOf('Practice EHR'), 'Send failed events again');
    const dialog = await screen.findByRole('dialog', { name: 'Send failed events again to Practice EHR' });
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Time \(America\/Chicago\)/).value).toBe('09:00');
    expect(within(dialog).getByText(`It started failing on ${formatDateTime(failing.failingSince as string, CLINIC.timeZone)}.`)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(recovered).toBe(true);
  });

  it('edits an endpoint, sending only what changed', async () => {
    const edited = endpoint({ description: 'Practice EHR, production', events: ['REFERRAL_SENT', 'REFERRAL_ACCEPTED', 'REFERRAL_OUTCOME_REPORTED', 'NOTIFICATION_FAILED'] });
    const update = {
      request: { query: UPDATE_ENDPOINT, variables: { input: { id: 'e-1', description: 'Practice EHR, production', events: edited.events } } },
      result: { data: { updateWebhookEndpoint: edited } },
    };
    renderPage(<IntegrationsPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([endpoint()]), update] });
    const row = await rowOf('Practice EHR');
    await act(row, 'Edit');
    const dialog = await screen.findByRole('dialog', { name: 'Edit Practice EHR' });
    // Nothing changed yet: nothing to save.
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(true);
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: /^URL/ }).value).toBe(URL_OF_EHR);
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: /^Accepted/ }).checked).toBe(true);
    // Some referral events chosen: the shortcut shows it half ticked.
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: /^All referral events/ }).indeterminate).toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Description/ }), { target: { value: 'Practice EHR, production' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^An email about a referral failed/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(row).findByText('Practice EHR, production')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('enables an endpoint disabled for failing, and sends again what failed since it started failing', async () => {
    const failingSince = '2026-03-02T15:00:00.000Z';
    const disabled = endpoint({ enabled: false, disabledReason: 'FAILING', disabledAt: '2026-03-07T15:00:00.000Z', failingSince });
    const enable = { request: { query: ENABLE_ENDPOINT, variables: { input: { id: 'e-1' } } }, result: { data: { enableWebhookEndpoint: endpoint() } } };
    let recovered = false;
    const recover = {
      request: { query: RECOVER_ENDPOINT, variables: { input: { id: 'e-1', since: failingSince } } },
      result: () => {
        recovered = true;
        return { data: { recoverWebhookEndpoint: 12 } };
      },
    };
    renderPage(<IntegrationsPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([disabled]), enable, recover] });
    const row = await rowOf('Practice EHR');
    expect(within(row).getByText(/every attempt failed for 5 days, since .*Your clinic’s admins were emailed\./)).toBeTruthy();
    await act(row, 'Enable');
    const dialog = await screen.findByRole('dialog', { name: 'Enable Practice EHR?' });
    const resend = within(dialog).getByRole<HTMLInputElement>('checkbox', { name: `Also send again the events whose delivery failed since ${formatDateTime(failingSince, CLINIC.timeZone)}` });
    expect(resend.checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enable' }));
    expect(await within(row).findByText('Enabled')).toBeTruthy();
    await waitFor(() => expect(recovered).toBe(true));
  });

  it('disables an endpoint after saying what is lost, and the row says an admin did', async () => {
    const disabled = endpoint({ enabled: false, disabledReason: 'BY_ADMIN', disabledAt: '2026-03-05T12:00:00.000Z' });
    const disable = { request: { query: DISABLE_ENDPOINT, variables: { input: { id: 'e-1' } } }, result: { data: { disableWebhookEndpoint: disabled } } };
    renderPage(<IntegrationsPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([endpoint()]), disable] });
    const row = await rowOf('Practice EHR');
    await act(row, 'Disable');
    const dialog = await screen.findByRole('dialog', { name: 'Disable Practice EHR?' });
    expect(within(dialog).getByText(/Changes to referrals made while it is disabled are never sent to it/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disable' }));
    expect(await within(row).findByText(`Disabled by an admin on ${formatDateTime(disabled.disabledAt as string, CLINIC.timeZone)}.`)).toBeTruthy();
    // Disabled, it offers enabling, and no sending again (the API refuses that to a disabled endpoint).
    const actions = within(row).getByRole('button', { name: /^Actions for / });
    fireEvent.click(actions);
    expect(actions.getAttribute('aria-expanded')).toBe('true');
    // Opened a second time, the menu's entering transition does not finish under happy-dom: its items are read as they are rendered.
    const items = (await screen.findAllByRole('menuitem', { hidden: true })).map((item) => item.textContent);
    expect(items).toEqual(['Edit', 'Enable', 'Rotate secret', 'Delete']);
  });

  it('deletes an endpoint after a confirmation, and the list is empty again', async () => {
    const remove = { request: { query: DELETE_ENDPOINT, variables: { input: { id: 'e-1' } } }, result: { data: { deleteWebhookEndpoint: true } } };
    renderPage(<IntegrationsPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([endpoint()]), remove, listOf([])] });
    await act(await rowOf('Practice EHR'), 'Delete');
    const dialog = await screen.findByRole('dialog', { name: 'Delete Practice EHR?' });
    expect(within(dialog).getByText(/This cannot be undone/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete endpoint' }));
    expect(await screen.findByText('No endpoints yet')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
