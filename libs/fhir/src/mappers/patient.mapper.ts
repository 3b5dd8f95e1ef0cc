import type { TableRow } from '@referloop/database';
import type { ContactPoint, Patient } from '../model/fhir-types';
import { instant, referenceTo } from './references';

export type PatientRow = TableRow<'patients'>;

/** A patient of a clinic, which manages their record. */
export function patientOf(row: PatientRow): Patient {
  const telecom: ContactPoint[] = [];
  if (row.email) telecom.push({ system: 'email', value: row.email, use: 'home' });
  if (row.phone) telecom.push({ system: 'phone', value: row.phone });
  return {
    resourceType: 'Patient',
    id: row.id,
    meta: { lastUpdated: instant(row.updated_at) },
    active: true,
    name: [{ use: 'official', family: row.last_name, given: [row.first_name] }],
    ...(telecom.length > 0 && { telecom }),
    birthDate: row.date_of_birth,
    managingOrganization: referenceTo('Organization', row.clinic_id),
  };
}
