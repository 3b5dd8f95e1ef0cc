import type { Provider } from '@referloop/providers';
import type { PractitionerRole } from '../model/fhir-types';
import { referenceTo } from './references';
import { modalityConcept } from '../terminology/vocabulary-codings';

/**
 * A provider in their clinic: the role referrals are addressed to. A provider has one profile,
 * at one clinic, so the role has the provider's id, as their Practitioner does. The modalities
 * they practise are the role's specialties.
 */
export function practitionerRoleOf(provider: Provider): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: provider.id,
    practitioner: referenceTo('Practitioner', provider.id),
    organization: referenceTo('Organization', provider.clinicId),
    specialty: provider.modalities.map(modalityConcept),
    telecom: [{ system: 'email', value: provider.email, use: 'work' }],
  };
}
