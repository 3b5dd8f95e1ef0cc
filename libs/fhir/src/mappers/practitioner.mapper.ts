import type { Provider } from '@referloop/providers';
import type { Practitioner } from '../model/fhir-types';
import { STANDARD } from '../terminology/systems';

/**
 * A provider as a person. The name is kept as the provider wrote it ("Sam Ortiz, PT"): it is not
 * split into family and given names, which the profile does not hold apart.
 */
export function practitionerOf(provider: Provider): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: provider.id,
    name: [{ use: 'usual', text: provider.displayName }],
    telecom: [{ system: 'email', value: provider.email, use: 'work' }],
    ...(provider.languages.length > 0 && {
      communication: provider.languages.map((language) => ({ coding: [{ system: STANDARD.language, code: language }], text: language })),
    }),
  };
}
