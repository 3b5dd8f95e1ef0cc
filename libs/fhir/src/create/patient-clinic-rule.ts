import { Actor, isPlatformAdmin } from '@referloop/common';
import { ErrorReason, forbidden } from '@referloop/core';
import { refusedElement } from '../errors/fhir-error';

/**
 * Who may register a patient, and where: createPatient's rule, said again here because it lives
 * in its GraphQL resolver (PatientsResolver.createPatient), with no service to call. A clinic's
 * staff and providers register patients in their own clinic; a platform admin registers none.
 * `path` is the posted Patient's, whose managingOrganization named the clinic.
 */
export function assertRegistersInOwnClinic(actor: Actor, clinicId: string | null, path: string): string {
  if (isPlatformAdmin(actor) || actor.clinicId === null) throw forbidden('Patients are registered by their clinic', ErrorReason.NOT_YOUR_ROLE);
  const clinic = clinicId ?? actor.clinicId;
  if (clinic.toLowerCase() !== actor.clinicId) throw refusedElement(`${path}.managingOrganization`, 'Patients are registered in your own clinic only', 'forbidden', 403);
  return clinic;
}
