import { describe, expect, it } from 'vitest';
import { isRealDate, patientFormValues, patientValidation, toCreatePatientInput, toUpdatePatientInput, type PatientFormValues } from './patient-form-values';

const filled: PatientFormValues = { firstName: ' Ada ', lastName: 'Lovelace', dateOfBirth: '1984-06-02', email: ' ada@example.com ', phone: '', emailConsent: true };
const rules = patientValidation('2026-03-10');

describe('patient validation', () => {
  it('refuses what the API refuses', () => {
    expect(rules.firstName('  ')).toBe("Enter the patient's first name");
    expect(rules.dateOfBirth(null)).toBe('Enter the date of birth');
    expect(rules.dateOfBirth('2026-02-30')).toBe('Enter a real date as YYYY-MM-DD');
    expect(rules.dateOfBirth('2026-03-11')).toMatch(/between 1900-01-01 and today/);
    expect(rules.dateOfBirth('1899-12-31')).toMatch(/between 1900-01-01 and today/);
    expect(rules.dateOfBirth('2026-03-10')).toBeNull();
    expect(rules.email('ada@')).toMatch(/Enter an email address/);
    expect(rules.email('')).toBeNull();
    expect(rules.phone('12')).toMatch(/7 to 15 digits/);
  });

  it('asks for an email address before consent to emails', () => {
    expect(rules.emailConsent(true, { ...filled, email: ' ' })).toMatch(/Add an email address/);
    expect(rules.emailConsent(true, filled)).toBeNull();
    expect(rules.emailConsent(false, { ...filled, email: '' })).toBeNull();
  });

  it('knows real dates', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-2-1')).toBe(false);
  });
});

describe('patient inputs', () => {
  it('registers with trimmed text and nulls for what was left empty', () => {
    expect(toCreatePatientInput(filled, 'c-1')).toEqual({
      clinicId: 'c-1',
      firstName: 'Ada',
      lastName: 'Lovelace',
      dateOfBirth: '1984-06-02',
      email: 'ada@example.com',
      phone: null,
      emailConsent: true,
    });
  });

  it('sends only what changed; a cleared email or phone as null', () => {
    const before = patientFormValues({ firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1984-06-02', email: 'ada@example.com', phone: '+1 651 555 0142', emailConsent: true });
    expect(toUpdatePatientInput('p-1', before, before)).toBeNull();
    expect(toUpdatePatientInput('p-1', before, { ...before, firstName: ' Ada ' })).toBeNull();
    expect(toUpdatePatientInput('p-1', before, { ...before, emailConsent: false })).toEqual({ id: 'p-1', emailConsent: false });
    expect(toUpdatePatientInput('p-1', before, { ...before, email: '', phone: ' ', emailConsent: false })).toEqual({ id: 'p-1', email: null, phone: null, emailConsent: false });
    expect(toUpdatePatientInput('p-1', before, { ...before, lastName: 'King', dateOfBirth: '1984-06-03' })).toEqual({ id: 'p-1', lastName: 'King', dateOfBirth: '1984-06-03' });
  });
});
