import type { Loaders } from '@referloop/common';
import type { Clinic } from './clinic.model';
import type { ClinicRepository } from './clinic.repository';

/**
 * One request's clinics in one query, whichever fields ask (a referral's two clinics, the signed-in
 * user's own): every field that shows a clinic loads it through here, under the same key.
 */
export const clinicLoader = (loaders: Loaders, clinics: ClinicRepository) =>
  loaders.get<string, Clinic>('clinic', async (ids) => {
    const found = await clinics.findByIds(ids);
    return new Map(found.map((clinic) => [clinic.id, clinic]));
  });
