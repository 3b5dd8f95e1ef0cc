// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CLINIC, renderPage } from '../onboarding/test-harness';
import { StaffPage } from './staff-page';
import { CLINIC_SETTINGS, STAFF_LIST } from './staff-queries';
import { actionsFor, type StaffMember } from './staff-rules';

afterEach(cleanup);

const member = (overrides: Partial<StaffMember>): StaffMember & { __typename: 'User' } => ({
  __typename: 'User',
  id: 'u-2',
  email: 'sam@example.com',
  displayName: 'Sam Okafor',
  role: 'COORDINATOR',
  clinicId: CLINIC.id,
  status: 'ACTIVE',
  disabled: false,
  createdAt: '2026-03-02T15:00:00.000Z',
  clinic: { __typename: 'Clinic', id: CLINIC.id, name: CLINIC.name } as StaffMember['clinic'],
  ...overrides,
});

const listOf = (members: StaffMember[], variables: Record<string, unknown> = { first: 20 }) => ({
  request: { query: STAFF_LIST, variables },
  result: {
    data: {
      users: {
        __typename: 'UserConnection',
        totalCount: members.length,
        edges: members.map((node, index) => ({ __typename: 'UserEdge', cursor: `c${index}`, node })),
        pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
      },
    },
  },
});

const settings = {
  request: { query: CLINIC_SETTINGS, variables: { id: CLINIC.id } },
  result: { data: { clinic: { __typename: 'Clinic', id: CLINIC.id, name: CLINIC.name, requireTwoFactor: false } } },
};

describe('StaffPage', () => {
  it('tells a coordinator that only admins manage accounts, without asking the API', async () => {
    renderPage(<StaffPage />, { role: 'COORDINATOR' });
    expect(await screen.findByText('Only admins manage accounts')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Staff' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Invite someone' })).toBeNull();
  });

  it('lists the clinic’s accounts with their status, marks the viewer’s own, and shows the clinic’s two-factor rule', async () => {
    const you = member({ id: 'u-1', displayName: 'Dana Admin', email: 'dana@example.com', role: 'CLINIC_ADMIN' });
    const invited = member({ id: 'u-3', displayName: 'Rowan Ellery', email: 'rowan@example.com', status: 'INVITED' });
    renderPage(<StaffPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([invited, member({}), you]), settings] });
    const list = await screen.findByRole('list', { name: 'Staff' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByText('Invited')).toBeTruthy();
    expect(within(rows[1]).getByText('Active')).toBeTruthy();
    expect(within(rows[2]).getByText('You')).toBeTruthy();
    expect(within(rows[0]).getByRole('button', { name: 'Actions for Rowan Ellery (rowan@example.com)' })).toBeTruthy();
    const toggle = await screen.findByRole('switch', { name: new RegExp(`^Require two-factor sign-in for everyone in ${CLINIC.name}`) });
    expect((toggle as HTMLInputElement).checked).toBe(false);
  });

  it('says when no one matches the filter', async () => {
    const everyone = listOf([member({})]);
    const disabled = listOf([], { filter: { status: 'DISABLED' }, first: 20 });
    renderPage(<StaffPage />, { role: 'CLINIC_ADMIN', mocks: [everyone, disabled, settings] });
    await screen.findByText('Sam Okafor');
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Status' })).getByLabelText('Disabled'));
    expect(await screen.findByText('No one matches')).toBeTruthy();
  });

  it('shows a list that could not be loaded, with a way to try again', async () => {
    const failed = { request: { query: STAFF_LIST, variables: { first: 20 } }, error: new TypeError('Failed to fetch') };
    renderPage(<StaffPage />, { role: 'CLINIC_ADMIN', mocks: [failed, settings] });
    expect(await screen.findByText('The staff could not be loaded')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('actionsFor', () => {
  it('offers what the API allows for each status, and never disabling yourself', () => {
    expect(actionsFor(member({ status: 'INVITED' }), 'u-1')).toEqual(['resend', 'withdraw']);
    expect(actionsFor(member({}), 'u-1')).toEqual(['changeRole', 'disable']);
    expect(actionsFor(member({ status: 'DISABLED', disabled: true }), 'u-1')).toEqual(['enable']);
    expect(actionsFor(member({ id: 'u-1', role: 'CLINIC_ADMIN' }), 'u-1')).toEqual(['changeRole']);
    // A platform admin belongs to no clinic: their role cannot change, and their own account offers nothing.
    expect(actionsFor(member({ role: 'PLATFORM_ADMIN', clinicId: null, clinic: null }), 'u-1')).toEqual(['disable']);
    expect(actionsFor(member({ id: 'u-1', role: 'PLATFORM_ADMIN', clinicId: null, clinic: null }), 'u-1')).toEqual([]);
  });
});
