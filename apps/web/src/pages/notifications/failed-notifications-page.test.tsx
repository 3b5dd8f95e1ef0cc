// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPage } from '../onboarding/test-harness';
import { FailedNotificationsPage } from './failed-notifications-page';
import { FAILED_NOTIFICATIONS, RETRY_NOTIFICATION } from './notification-queries';

afterEach(cleanup);

const failed = {
  __typename: 'Notification',
  id: 'n-1',
  template: 'REFERRAL_SENT',
  recipientKind: 'PATIENT',
  maskedAddress: 'j•••@example.com',
  attempts: 5,
  lastError: '550 mailbox unavailable',
  status: 'FAILED',
  createdAt: '2026-03-02T15:00:00.000Z',
  sentAt: null,
  referralId: 'r-1',
};

const list = {
  request: { query: FAILED_NOTIFICATIONS, variables: { first: 20 } },
  result: {
    data: {
      failedNotifications: {
        __typename: 'NotificationConnection',
        totalCount: 1,
        edges: [{ __typename: 'NotificationEdge', cursor: 'c1', node: failed }],
        pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: false },
      },
    },
  },
};

describe('FailedNotificationsPage', () => {
  it('tells a clinic admin that only platform admins see failed emails, without asking the API', async () => {
    renderPage(<FailedNotificationsPage />, { role: 'CLINIC_ADMIN' });
    expect(await screen.findByText('Only platform admins can see failed emails')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Failed emails' })).toBeTruthy();
  });

  it('lists a failed email with its details, a link to its referral, and retries it', async () => {
    const retry = {
      request: { query: RETRY_NOTIFICATION, variables: { input: { id: 'n-1' } } },
      result: { data: { retryNotification: { ...failed, status: 'PENDING' } } },
    };
    renderPage(<FailedNotificationsPage />, { role: 'PLATFORM_ADMIN', mocks: [list, retry] });
    const row = (await screen.findByText('Referral sent')).closest('li') as HTMLElement;
    expect(within(row).getByText('To Patient (j•••@example.com)')).toBeTruthy();
    expect(within(row).getByText('5 attempts')).toBeTruthy();
    expect(within(row).getByText('550 mailbox unavailable')).toBeTruthy();
    expect(within(row).getByRole('link', { name: /Open the referral/ }).getAttribute('href')).toBe('/referrals/r-1');

    fireEvent.click(within(row).getByRole('button', { name: /Retry/ }));
    // The answer is cached by id: the row shows it is being sent again, and cannot be retried twice.
    const queued = await within(row).findByRole('button', { name: /Queued again/ });
    expect(queued.hasAttribute('disabled')).toBe(true);
    expect(within(row).getByText('Sending again')).toBeTruthy();
  });

  it('says in words why a retry was refused', async () => {
    const refused = {
      request: { query: RETRY_NOTIFICATION, variables: { input: { id: 'n-1' } } },
      result: { errors: [{ message: 'Only a FAILED notification can be retried; this one is SENT', extensions: { code: 'INVALID_TRANSITION', reason: 'NOT_FROM_THIS_STATUS' } }] },
    };
    renderPage(<FailedNotificationsPage />, { role: 'PLATFORM_ADMIN', mocks: [list, refused] });
    fireEvent.click(await screen.findByRole('button', { name: /Retry/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('Only a FAILED notification can be retried');
  });
});
