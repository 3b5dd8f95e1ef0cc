// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CLINIC, renderPage } from '../onboarding/test-harness';
import { CREATE_PATIENT, PATIENTS_LIST } from './patient-queries';
import { PatientsPage } from './patients-page';

afterEach(cleanup);

const patient = {
  __typename: 'Patient',
  id: 'p-1',
  clinicId: CLINIC.id,
  firstName: 'Ada',
  lastName: 'Lovelace',
  dateOfBirth: '1984-06-02',
  email: 'ada@example.com',
  phone: null,
  emailConsent: false,
  createdAt: '2026-03-02T15:00:00.000Z',
  updatedAt: '2026-03-02T15:00:00.000Z',
};

const list = {
  request: { query: PATIENTS_LIST, variables: { first: 20 } },
  result: {
    data: {
      patients: {
        __typename: 'PatientConnection',
        totalCount: 1,
        edges: [{ __typename: 'PatientEdge', cursor: 'c1', node: patient }],
        pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: false },
      },
    },
  },
  // Registering a patient drops the cached lists, so the one on screen is fetched again.
  maxUsageCount: 2,
};

const input = { clinicId: CLINIC.id, firstName: 'Grace', lastName: 'Hopper', dateOfBirth: '1980-12-09', email: 'grace@example', phone: null, emailConsent: false };

function fill(dialog: HTMLElement) {
  fireEvent.change(within(dialog).getByLabelText(/First name/), { target: { value: 'Grace' } });
  fireEvent.change(within(dialog).getByLabelText(/Last name/), { target: { value: 'Hopper' } });
  const dob = within(dialog).getByLabelText(/Date of birth/);
  fireEvent.change(dob, { target: { value: '1980-12-09' } });
  fireEvent.blur(dob);
}

describe('PatientsPage', () => {
  it('lists the clinic’s patients, each linking to its page', async () => {
    renderPage(<PatientsPage />, { role: 'COORDINATOR', mocks: [list] });
    const link = await screen.findByRole('link', { name: 'Ada Lovelace' });
    expect(link.getAttribute('href')).toBe('/patients/p-1');
    expect(screen.getByText('No status emails')).toBeTruthy();
  });

  it('checks the new patient form before sending, then shows a refused field beside it', async () => {
    const refused = {
      request: { query: CREATE_PATIENT, variables: { input: { ...input, email: 'grace@example.org' } } },
      result: { errors: [{ message: 'input.email: email is already in use', extensions: { code: 'BAD_USER_INPUT', field: 'input.email' } }] },
    };
    renderPage(<PatientsPage />, { role: 'COORDINATOR', mocks: [list, refused] });
    fireEvent.click(await screen.findByRole('button', { name: 'New patient' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Register patient' }));
    expect(await within(dialog).findByText("Enter the patient's first name")).toBeTruthy();
    expect(within(dialog).getByText('Enter the date of birth')).toBeTruthy();

    fill(dialog);
    fireEvent.change(within(dialog).getByLabelText('Email'), { target: { value: 'grace@example' } });
    fireEvent.click(within(dialog).getByLabelText(/agreed to receive status emails/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Register patient' }));
    expect(await within(dialog).findByText(/Enter an email address like/)).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('Email'), { target: { value: 'grace@example.org' } });
    fireEvent.click(within(dialog).getByLabelText(/agreed to receive status emails/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Register patient' }));
    const email = within(dialog).getByLabelText('Email');
    expect(await within(dialog).findByText('Email is already in use')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
  });

  it('registers a patient and opens them', async () => {
    const created = {
      request: { query: CREATE_PATIENT, variables: { input: { ...input, email: null } } },
      result: { data: { createPatient: { ...patient, id: 'p-2', firstName: 'Grace', lastName: 'Hopper', dateOfBirth: '1980-12-09', email: null } } },
    };
    renderPage(<PatientsPage />, { role: 'COORDINATOR', mocks: [list, created], path: '/patients', route: '/patients', otherRoutes: [{ path: '/patients/:id', element: <p>Patient page</p> }] });
    fireEvent.click(await screen.findByRole('button', { name: 'New patient' }));
    const dialog = await screen.findByRole('dialog');
    fill(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Register patient' }));
    expect(await screen.findByText('Patient page')).toBeTruthy();
  });

  it('lets a platform admin look patients up but not register one', async () => {
    renderPage(<PatientsPage />, { role: 'PLATFORM_ADMIN', mocks: [list] });
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New patient' })).toBeNull();
  });
});
