import { ClinicSeed, PatientSeed } from '../seed-data';

/**
 * Patients besides the demo's own three (seed-data.ts), so each referral of the demo data has a
 * person of its own. Made up, under the reserved .example domain; a few without consent to
 * status emails, as at any clinic.
 */
export const MORE_PATIENTS: Partial<Record<ClinicSeed['key'], PatientSeed[]>> = {
  chiropractic: [
    patient('grace', 'Grace', 'Olson', '1968-02-11', '0151', true),
    patient('daniel', 'Daniel', 'Nguyen', '1995-07-30', '0152', true),
    patient('fatima', 'Fatima', 'Ali', '1983-12-05', '0153', true),
    patient('kevin', 'Kevin', 'Brooks', '1976-03-18', '0154', false),
    patient('lucia', 'Lucia', 'Romero', '1990-09-09', '0155', true),
    patient('samuel', 'Samuel', 'Okafor', '1988-01-25', '0156', true),
  ],
  bodywork: [patient('hannah', 'Hannah', 'Schmidt', '1972-06-14', '0171', true)],
  eastsidePt: [patient('robert', 'Robert', 'King', '1959-10-02', '0161', true)],
};

function patient(key: string, firstName: string, lastName: string, dateOfBirth: string, line: string, emailConsent: boolean): PatientSeed {
  return {
    key,
    firstName,
    lastName,
    email: `${firstName}.${lastName}@mail.example`.toLowerCase(),
    dateOfBirth,
    phone: `+1 651 555 ${line}`,
    emailConsent,
  };
}
