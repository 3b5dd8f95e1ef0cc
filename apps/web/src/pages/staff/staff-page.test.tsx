// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CLINIC, renderPage } from '../onboarding/test-harness';
import { StaffPage } from './staff-page';
import { CLINIC_SETTINGS, RESET_TWO_FACTOR, STAFF_LIST } from './staff-queries';
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
  twoFactorEnabled: false,
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
  result: { data: { clinic: { __typename: 'Clinic', id: CLINIC.id, name: CLINIC.name, requireTwoFactor: false }, me: { __typename: 'User', id: 'u-1', twoFactorEnabled: true } } },
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

  it('shows whether each account uses two-factor sign-in, and nothing where the API does not say', async () => {
    const on = member({ twoFactorEnabled: true });
    const unknown = member({ id: 'u-4', displayName: 'Kit Moreau', email: 'kit@example.com', twoFactorEnabled: null });
    renderPage(<StaffPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([on, member({ id: 'u-3', email: 'rowan@example.com' }), unknown]), settings] });
    const rows = within(await screen.findByRole('list', { name: 'Staff' })).getAllByRole('listitem');
    expect(within(rows[0]).getByText('Two-factor on')).toBeTruthy();
    expect(within(rows[1]).getByText('Two-factor off')).toBeTruthy();
    expect(within(rows[2]).queryByText(/^Two-factor/)).toBeNull();
  });

  it('resets a colleague’s two-factor sign-in after saying what happens, and the row shows it off', async () => {
    const before = member({ twoFactorEnabled: true });
    const after = member({ twoFactorEnabled: false });
    const reset = { request: { query: RESET_TWO_FACTOR, variables: { input: { id: before.id, password: 'my-own-password-1' } } }, result: { data: { resetTwoFactor: after } } };
    renderPage(<StaffPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([before]), settings, reset, listOf([after])] });
    const row = within(await screen.findByRole('list', { name: 'Staff' })).getByRole('listitem');
    await within(row).findByText('Two-factor on');
    fireEvent.click(within(row).getByRole('button', { name: 'Actions for Sam Okafor (sam@example.com)' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Reset two-factor' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset the two-factor sign-in of Sam Okafor?' });
    expect(within(dialog).getByText(/Their two-factor sign-in is turned off and their sessions end at once/)).toBeTruthy();
    expect(within(dialog).getByText(/set up two-factor sign-in again, straight away if their clinic requires it/)).toBeTruthy();
    // Not without the admin's own password.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset two-factor' }));
    expect(await within(dialog).findByText('Type your own password to confirm it is you asking.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/^Your password/), { target: { value: 'my-own-password-1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset two-factor' }));
    expect(await within(row).findByText('Two-factor off')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says in the dialog when the two-factor sign-in was already off, and shows it off in the row', async () => {
    const before = member({ twoFactorEnabled: true });
    const refused = {
      request: { query: RESET_TWO_FACTOR, variables: { input: { id: before.id, password: 'my-own-password-1' } } },
      result: { errors: [{ message: 'This user has no two-factor sign-in to reset', extensions: { code: 'BAD_USER_INPUT', field: 'input.id' } }] },
    };
    renderPage(<StaffPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([before]), settings, refused, listOf([member({ twoFactorEnabled: false })])] });
    const row = within(await screen.findByRole('list', { name: 'Staff' })).getByRole('listitem');
    fireEvent.click(await within(row).findByRole('button', { name: /^Actions for Sam Okafor/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Reset two-factor' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset the two-factor sign-in of Sam Okafor?' });
    fireEvent.change(within(dialog).getByLabelText(/^Your password/), { target: { value: 'my-own-password-1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset two-factor' }));
    expect(await within(dialog).findByText(/This user has no two-factor sign-in to reset/)).toBeTruthy();
    expect(await within(row).findByText('Two-factor off')).toBeTruthy();
  });

  it('says when no one matches the filter', async () => {
    const everyone = listOf([member({})]);
    const disabled = listOf([], { filter: { status: 'DISABLED' }, first: 20 });
    renderPage(<StaffPage />, { role: 'CLINIC_ADMIN', mocks: [everyone, disabled, settings] });
    await screen.findByText('Sam Okafor');
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Status' })).getByLabelText('Disabled'));
    expect(await screen.findByText('No one matches')).toBeTruthy();
  });

  it('lets an admin require two-factor sign-in only once they use it themselves, and says how', async () => {
    const withoutIt = { ...settings, result: { data: { ...settings.result.data, me: { __typename: 'User', id: 'u-1', twoFactorEnabled: false } } } };
    renderPage(<StaffPage />, { role: 'CLINIC_ADMIN', mocks: [listOf([member({})]), withoutIt] });
    // The switch's label wraps its description too, which the name therefore ends with.
    const toggle = await screen.findByRole('switch', { name: new RegExp(`^Require two-factor sign-in for everyone in ${CLINIC.name}`) });
    expect((toggle as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByRole('link', { name: 'turn on two-factor sign-in for your own account' }).getAttribute('href')).toBe('/account/two-factor');
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

  it('offers resetting two-factor sign-in only when it is on, and never for yourself (that is your account menu’s, with your password)', () => {
    expect(actionsFor(member({ twoFactorEnabled: true }), 'u-1')).toEqual(['changeRole', 'resetTwoFactor', 'disable']);
    expect(actionsFor(member({ twoFactorEnabled: true, status: 'DISABLED', disabled: true }), 'u-1')).toEqual(['enable', 'resetTwoFactor']);
    expect(actionsFor(member({ twoFactorEnabled: null }), 'u-1')).toEqual(['changeRole', 'disable']);
    expect(actionsFor(member({ id: 'u-1', role: 'CLINIC_ADMIN', twoFactorEnabled: true }), 'u-1')).toEqual(['changeRole']);
  });
});
