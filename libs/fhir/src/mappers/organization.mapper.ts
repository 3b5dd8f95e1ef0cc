import type { Clinic } from '@referloop/clinics';
import type { ContactPoint, Organization } from '../model/fhir-types';
import { STANDARD } from '../terminology/systems';

/** A clinic: a healthcare provider organisation, with how to reach it. */
export function organizationOf(clinic: Clinic): Organization {
  const telecom: ContactPoint[] = [{ system: 'email', value: clinic.email, use: 'work' }];
  if (clinic.phone) telecom.push({ system: 'phone', value: clinic.phone, use: 'work' });
  const { line1, city, region, postalCode, country } = clinic.address;
  return {
    resourceType: 'Organization',
    id: clinic.id,
    active: true,
    type: [{ coding: [{ system: STANDARD.organizationType, code: 'prov', display: 'Healthcare Provider' }], text: 'Clinic' }],
    name: clinic.name,
    telecom,
    address: [{ line: [line1], city, ...(region && { state: region }), postalCode, country }],
  };
}
