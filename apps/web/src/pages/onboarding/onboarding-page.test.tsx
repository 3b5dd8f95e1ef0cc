// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OnboardingPage } from './onboarding-page';
import { CLINIC_LOOKUP, INVITE_USER } from './onboarding-queries';
import { CLINIC, renderPage } from './test-harness';

afterEach(cleanup);

const USER_ID = '22222222-2222-4222-8222-222222222222';
const input = { email: 'pat@example.com', displayName: 'Pat Provider', role: 'PROVIDER', clinicId: CLINIC.id };
const lookup = { request: { query: CLINIC_LOOKUP, variables: { id: CLINIC.id } }, result: { data: { clinic: CLINIC } }, maxUsageCount: 10 };

function section(name: string) {
  return screen.getByRole('heading', { level: 2, name }).closest('section') as HTMLElement;
}

async function fillUser(form: HTMLElement) {
  fireEvent.change(within(form).getByLabelText(/^Email/), { target: { value: input.email } });
  fireEvent.change(within(form).getByLabelText(/^Display name/), { target: { value: input.displayName } });
  fireEvent.click(within(form).getAllByLabelText(/^Role/)[0]);
  fireEvent.click(await screen.findByRole('option', { name: 'Provider', hidden: true }));
  fireEvent.change(within(form).getByLabelText(/^Clinic id/), { target: { value: CLINIC.id } });
}

describe('OnboardingPage', () => {
  it('is for platform admins only', async () => {
    renderPage(<OnboardingPage />, { role: 'COORDINATOR' });
    expect(await screen.findByText('Only platform admins onboard clinics')).toBeTruthy();
  });

  it('invites a user, shows the id, and hands a provider user over to the profile form', async () => {
    const created = {
      request: { query: INVITE_USER, variables: { input } },
      result: { data: { inviteUser: { __typename: 'User', id: USER_ID, email: input.email, displayName: input.displayName, role: 'PROVIDER', clinicId: CLINIC.id } } },
    };
    renderPage(<OnboardingPage />, { role: 'PLATFORM_ADMIN', mocks: [lookup, created] });
    fireEvent.click(await screen.findByRole('tab', { name: '2. User' }));
    const form = section('Invite a user');
    fireEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));
    expect(await within(form).findByText('Choose a role')).toBeTruthy();

    await fillUser(form);
    // The pasted clinic id is looked up and named under the field.
    expect(await within(form).findByText(/Lakeside Physio \(times in America\/Chicago\)/)).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));
    expect(await within(form).findByText(USER_ID)).toBeTruthy();
    expect(within(form).getByLabelText<HTMLInputElement>(/^Email/).value).toBe('');

    fireEvent.click(within(form).getByRole('button', { name: 'Create their provider profile' }));
    const profile = section('Create a provider profile');
    expect(within(profile).getByLabelText<HTMLInputElement>(/^User id/).value).toBe(USER_ID);
    expect(within(profile).getByLabelText<HTMLInputElement>(/^Clinic id/).value).toBe(CLINIC.id);
    expect(document.activeElement?.textContent).toBe('Create a provider profile');
  });

  it('shows a refused field beside it', async () => {
    const refused = {
      request: { query: INVITE_USER, variables: { input } },
      result: { errors: [{ message: 'email is already in use', extensions: { code: 'BAD_USER_INPUT', field: 'input.email' } }] },
    };
    renderPage(<OnboardingPage />, { role: 'PLATFORM_ADMIN', mocks: [lookup, refused] });
    fireEvent.click(await screen.findByRole('tab', { name: '2. User' }));
    const form = section('Invite a user');
    await fillUser(form);
    fireEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));
    expect(await within(form).findByText('Email is already in use')).toBeTruthy();
    expect(within(form).getByLabelText(/^Email/).getAttribute('aria-invalid')).toBe('true');
  });
});
