import { refusedElement } from '../errors/fhir-error';
import { listAt, objectAt, textAt, type Posted } from './posted-elements';
import { literalTarget } from './posted-references';

/** A Patient as posted in a transaction Bundle, read into what createPatient takes. */
export interface PostedPatient {
  /** createPatient's input as a GraphQL client would send it, not yet checked (its DTO checks it next), without the clinic. */
  content: Record<string, unknown>;
  /** The clinic the Patient names (managingOrganization), if it names one. */
  clinicId: string | null;
}

/**
 * Reads a posted Patient into createPatient's input: the name (the official one, or the first),
 * the birth date, the first email and phone of `telecom`, the clinic. A patient registered this
 * way has not agreed to status emails (FHIR has no element for that consent; the clinic records
 * it in ReferLoop). Demographics ReferLoop does not keep (gender, address, identifiers such as
 * a medical record number) are left out: unlike a ServiceRequest's elements, dropping them
 * changes nothing that is asked for. A modifier extension, which could change what the rest
 * means, is refused.
 */
export function readPatient(resource: Posted, path: string, base: string): PostedPatient {
  if (resource.modifierExtension !== undefined) throw refusedElement(`${path}.modifierExtension`, 'is not understood by ReferLoop', 'not-supported');
  if (resource.active === false) throw refusedElement(`${path}.active`, 'a patient registered with a referral is active');
  const names = listAt(resource.name, `${path}.name`).map((name, index) => objectAt(name, `${path}.name[${index}]`));
  const index = Math.max(0, names.findIndex((name) => name.use === 'official'));
  const name = names[index];
  const at = `${path}.name[${index}]`;
  const given = name ? listAt(name.given, `${at}.given`).map((word, position) => textAt(word, `${at}.given[${position}]`)) : [];
  const telecom = listAt(resource.telecom, `${path}.telecom`).map((point, position) => objectAt(point, `${path}.telecom[${position}]`));
  const first = (system: string) => {
    const position = telecom.findIndex((point) => point.system === system);
    return position < 0 ? undefined : textAt(telecom[position].value, `${path}.telecom[${position}].value`);
  };
  const organization = resource.managingOrganization === undefined ? null : literalTarget(resource.managingOrganization, `${path}.managingOrganization`, ['Organization'], base);
  if (organization && 'fullUrl' in organization) throw refusedElement(`${path}.managingOrganization.reference`, "the patient's clinic is one of ReferLoop's: Organization/<id>");
  return {
    content: {
      firstName: given.length > 0 ? given.join(' ') : undefined,
      lastName: name ? textAt(name.family, `${at}.family`) : undefined,
      dateOfBirth: textAt(resource.birthDate, `${path}.birthDate`),
      email: first('email'),
      phone: first('phone'),
      emailConsent: false,
    },
    clinicId: organization?.id ?? null,
  };
}
