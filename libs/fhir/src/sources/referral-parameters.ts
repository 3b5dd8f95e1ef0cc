import type { ReferralStatus } from '@referloop/lifecycle';
import { referralStatusesWhere, type StatusColumn } from '../terminology/referral-status-mapping';
import { REFERLOOP } from '../terminology/systems';
import { anyOf, RESOURCE_ID, searchParameter, type Param } from '../search/search-parameter';
import { idIn, referenceIn } from './sql-values';

/**
 * Search parameters on the referral `r` that the resources kept per referral share. Each is
 * declared with the R4 definition whose meaning it has for the resource type at hand.
 */
export const referralIdParameter = (documentation: string) =>
  searchParameter({ name: '_id', type: 'token', definition: RESOURCE_ID, documentation, where: (values, param) => idIn('r.id', values.map((value) => value.code), param) });

export const referralReferenceParameter = (definition: string) =>
  searchParameter({
    name: 'identifier',
    type: 'token',
    definition,
    documentation: `The referral's reference, e.g. RF-7K3Q9P (system ${REFERLOOP.referralReference}); case is ignored`,
    where: (values, param) =>
      anyOf(values.filter((value) => value.system === null || value.system === REFERLOOP.referralReference).map((value) => `r.reference = ${param(value.code.toUpperCase())}`)),
  });

export const patientParameter = (definition: string) =>
  searchParameter({
    name: 'patient',
    type: 'reference',
    definition,
    targets: ['Patient'],
    documentation: 'The patient referred: Patient/<id> or the id',
    where: (values, param) => referenceIn('r.patient_id', values, 'Patient', param),
  });

/** A status parameter, as the referral statuses whose status in `column` of the status table is one asked for. */
export const statusParameter = (name: string, definition: string, column: StatusColumn, codes: readonly string[], documentation: string) =>
  searchParameter({
    name,
    type: 'token',
    definition,
    codes,
    documentation,
    where: (values, param) => referralStatusIn(referralStatusesWhere(column, values.map((value) => value.code)), param),
  });

export const referralStatusIn = (statuses: readonly ReferralStatus[], param: Param): string =>
  statuses.length === 0 ? 'FALSE' : `r.status = ANY(${param(statuses)}::text[])`;

/** A reference to the provider a referral went to (their PractitionerRole or Practitioner) or to their clinic. */
export const receiverParameter = (name: string, definition: string, documentation: string) =>
  searchParameter({
    name,
    type: 'reference',
    definition,
    targets: ['PractitionerRole', 'Practitioner', 'Organization'],
    documentation,
    where: (values, param) => {
      const [clinics, providers] = [values.filter((value) => value.type === 'Organization'), values.filter((value) => value.type !== 'Organization')];
      return anyOf([
        ...(providers.length > 0 ? [idIn('r.to_provider_id', providers.map((value) => value.id), param)] : []),
        ...(clinics.length > 0 ? [idIn('r.to_clinic_id', clinics.map((value) => value.id), param)] : []),
      ]);
    },
  });
