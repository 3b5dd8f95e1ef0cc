import type { CreatePatientInput, UpdatePatientInput } from '../../gql/graphql';
import { isEmailAddress, optionalPhoneRule } from '../onboarding/validators';

/** What the patient form edits; empty strings for what was left blank. */
export interface PatientFormValues {
  firstName: string;
  lastName: string;
  /** LocalDate 'YYYY-MM-DD', as the DateInput gives it; null until picked. */
  dateOfBirth: string | null;
  email: string;
  phone: string;
  emailConsent: boolean;
}

export const EMPTY_PATIENT: PatientFormValues = { firstName: '', lastName: '', dateOfBirth: null, email: '', phone: '', emailConsent: false };

/** A real calendar date: 2026-02-30 is refused, as the server refuses it. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const name = (label: string) => (value: string) => {
  const trimmed = value.trim();
  if (!trimmed) return `Enter the patient's ${label}`;
  return trimmed.length > 100 ? `At most 100 characters` : null;
};

/**
 * The checks the server makes, run before sending so most mistakes are caught at once. `today`
 * is the 'YYYY-MM-DD' date of birth may not be after (the server's rule).
 */
export function patientValidation(today: string) {
  return {
    firstName: name('first name'),
    lastName: name('last name'),
    dateOfBirth: (value: string | null) => {
      if (!value) return 'Enter the date of birth';
      if (!isRealDate(value)) return 'Enter a real date as YYYY-MM-DD';
      if (value < '1900-01-01' || value > today) return 'The date of birth must be between 1900-01-01 and today';
      return null;
    },
    email: (value: string) => {
      const trimmed = value.trim();
      if (!trimmed) return null;
      return isEmailAddress(trimmed) ? null : 'Enter an email address like name@example.com, or leave it empty';
    },
    phone: optionalPhoneRule,
    emailConsent: (value: boolean, values: PatientFormValues) =>
      value && !values.email.trim() ? 'Add an email address to send status emails to, or leave this unticked' : null,
  };
}

export function toCreatePatientInput(values: PatientFormValues, clinicId: string): CreatePatientInput {
  return {
    clinicId,
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    dateOfBirth: values.dateOfBirth ?? '',
    email: values.email.trim() || null,
    phone: values.phone.trim() || null,
    emailConsent: values.emailConsent,
  };
}

export function patientFormValues(patient: { firstName: string; lastName: string; dateOfBirth: string; email?: string | null; phone?: string | null; emailConsent: boolean }): PatientFormValues {
  return {
    firstName: patient.firstName,
    lastName: patient.lastName,
    dateOfBirth: patient.dateOfBirth,
    email: patient.email ?? '',
    phone: patient.phone ?? '',
    emailConsent: patient.emailConsent,
  };
}

/**
 * Only what changed, so the patient's history shows what was edited. A cleared email or phone
 * is sent as null: the API removes it. Null when nothing changed.
 */
export function toUpdatePatientInput(id: string, before: PatientFormValues, after: PatientFormValues): UpdatePatientInput | null {
  const input: UpdatePatientInput = { id };
  const firstName = after.firstName.trim();
  const lastName = after.lastName.trim();
  const email = after.email.trim() || null;
  const phone = after.phone.trim() || null;
  if (firstName !== before.firstName) input.firstName = firstName;
  if (lastName !== before.lastName) input.lastName = lastName;
  if (after.dateOfBirth && after.dateOfBirth !== before.dateOfBirth) input.dateOfBirth = after.dateOfBirth;
  if (email !== (before.email || null)) input.email = email;
  if (phone !== (before.phone || null)) input.phone = phone;
  if (after.emailConsent !== before.emailConsent) input.emailConsent = after.emailConsent;
  return Object.keys(input).length > 1 ? input : null;
}
