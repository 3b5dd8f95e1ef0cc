// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { CLINIC, renderPage } from '../onboarding/test-harness';
import { PatientPage } from './patient-page';
import { PATIENT_DETAIL, PATIENT_REFERRALS, UPDATE_PATIENT } from './patient-queries';

afterEach(cleanup);

const patient = {
  __typename: 'Patient',
  id: 'p-1',
  clinicId: CLINIC.id,
  firstName: 'Ada',
  lastName: 'Lovelace',
  dateOfBirth: '1984-06-02',
  email: 'ada@example.com',
  phone: '+1 651 555 0142',
  emailConsent: true,
  createdAt: '2026-03-02T15:00:00.000Z',
  updatedAt: '2026-03-02T15:00:00.000Z',
};

const referral = {
  __typename: 'Referral',
  id: 'r-1',
  reference: 'RF-7K3Q9P',
  status: 'SENT',
  priority: 'ROUTINE',
  modality: 'PHYSICAL_THERAPY',
  dueAt: null,
  updatedAt: '2026-03-02T15:00:00.000Z',
  appointmentAt: null,
  availableActions: [],
  workActions: [],
  version: 1,
  patient: { __typename: 'Patient', id: 'p-1', firstName: 'Ada', lastName: 'Lovelace' },
  referringClinic: { __typename: 'Clinic', id: CLINIC.id, name: CLINIC.name },
  toClinic: { __typename: 'Clinic', id: 'c-2', name: 'Northside PT' },
  toProvider: { __typename: 'Provider', id: 'pr-1', displayName: 'Sam Lee' },
};

const detail = (clinicId: string = CLINIC.id) => ({ request: { query: PATIENT_DETAIL, variables: { id: 'p-1' } }, result: { data: { patient: { ...patient, clinicId } } } });
const referrals = {
  request: { query: PATIENT_REFERRALS, variables: { filter: { patientId: 'p-1' }, first: 20 } },
  result: {
    data: {
      referrals: {
        __typename: 'ReferralConnection',
        totalCount: 1,
        edges: [{ __typename: 'ReferralEdge', cursor: 'c1', node: referral }],
        pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: false },
      },
    },
  },
};

function NewReferralStub() {
  const location = useLocation();
  return <p>New referral for {JSON.stringify(location.state)}</p>;
}

const at = { path: '/patients/p-1', route: '/patients/:id', otherRoutes: [{ path: '/referrals/new', element: <NewReferralStub /> }] };

describe('PatientPage', () => {
  it('shows the patient and their referrals, each linking to the referral', async () => {
    renderPage(<PatientPage />, { role: 'COORDINATOR', mocks: [detail(), referrals], ...at });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeTruthy();
    expect(screen.getByText('ada@example.com')).toBeTruthy();
    const link = await screen.findByRole('link', { name: /RF-7K3Q9P/ });
    expect(link.getAttribute('href')).toBe('/referrals/r-1');
    expect(screen.getByText('To Sam Lee, Northside PT')).toBeTruthy();
  });

  it('starts a new referral with the patient id in router state, not in the address', async () => {
    renderPage(<PatientPage />, { role: 'COORDINATOR', mocks: [detail(), referrals], ...at });
    const link = await screen.findByRole('link', { name: 'New referral for this patient' });
    expect(link.getAttribute('href')).toBe('/referrals/new');
    fireEvent.click(link);
    expect(await screen.findByText('New referral for {"patientId":"p-1"}')).toBeTruthy();
  });

  it('explains withdrawing consent and sends only that change', async () => {
    const update = {
      request: { query: UPDATE_PATIENT, variables: { input: { id: 'p-1', emailConsent: false } } },
      result: { data: { updatePatient: { ...patient, emailConsent: false } } },
    };
    renderPage(<PatientPage />, { role: 'COORDINATOR', mocks: [detail(), referrals, update], ...at });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit patient' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText(/agreed to receive status emails/));
    expect(within(dialog).getByText('Withdrawing consent to status emails')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    // The answer updates the cached patient: the page behind shows the consent gone.
    expect(await screen.findByText('Not agreed: no emails sent')).toBeTruthy();
  });

  it('lets only the patient’s own clinic edit them or refer them', async () => {
    renderPage(<PatientPage />, { role: 'COORDINATOR', mocks: [detail('99999999-9999-4999-8999-999999999999'), referrals], ...at });
    expect(await screen.findByText(/belongs to another clinic/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit patient' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'New referral for this patient' })).toBeNull();
  });

  it('says a patient that is not there is not found', async () => {
    const missing = { request: { query: PATIENT_DETAIL, variables: { id: 'p-1' } }, result: { errors: [{ message: 'Patient not found', extensions: { code: 'NOT_FOUND' } }] } };
    renderPage(<PatientPage />, { role: 'COORDINATOR', mocks: [missing], ...at });
    expect(await screen.findByRole('heading', { level: 1, name: 'Patient not found' })).toBeTruthy();
  });
});
