import type { Reference } from '../model/fhir-types';

/** The resource types a reference of this API may name. */
export type ReferenceType = 'Patient' | 'Practitioner' | 'PractitionerRole' | 'Organization' | 'ServiceRequest' | 'Task' | 'Observation' | 'Goal' | 'CarePlan';

/** A literal reference, relative to the server's base: resolvable with a read (for a caller allowed to see it). */
export const referenceTo = (type: ReferenceType, id: string): Reference => ({ reference: `${type}/${id}` });

/** An instant as FHIR writes it (ISO 8601, UTC). */
export const instant = (date: Date): string => date.toISOString();
