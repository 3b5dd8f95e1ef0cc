import type { Referral } from '@referloop/referrals';
import type { Reference } from '../model/fhir-types';
import { referenceTo } from './references';

/**
 * Who asked for the referral: the referring provider, as their role at the clinic, when a
 * provider sent it; otherwise the referring clinic (its coordinators are not practitioners).
 */
export const requesterOf = (referral: Referral): Reference =>
  referral.referringProviderId ? referenceTo('PractitionerRole', referral.referringProviderId) : referenceTo('Organization', referral.referringClinicId);

/** Who it was sent to: the target provider's role; none while an open referral waits to be claimed. */
export const receiverOf = (referral: Referral): Reference | null => (referral.toProviderId ? referenceTo('PractitionerRole', referral.toProviderId) : null);

export const REQUEST_PRIORITY = { ROUTINE: 'routine', URGENT: 'urgent' } as const;
