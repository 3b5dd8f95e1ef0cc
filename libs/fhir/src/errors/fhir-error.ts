import type { IssueType } from '../model/fhir-types';

/**
 * A refusal of the FHIR API, answered as an OperationOutcome with this HTTP status. Its
 * diagnostics are written for the integrator and shown verbatim; they name the search
 * parameter or the element at fault (an element also in `expression`).
 */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly issueType: IssueType,
    readonly diagnostics: string,
    /** Extra response headers (WWW-Authenticate on a 401). */
    readonly headers: Readonly<Record<string, string>> = {},
    /** The elements at fault, as FHIRPath (`ServiceRequest.code`): the OperationOutcome's `expression`. */
    readonly expression: readonly string[] = [],
  ) {
    super(diagnostics);
    this.name = 'FhirError';
  }
}

/** A bad value of a search parameter, or a parameter refused under strict handling: 400. */
export const badParameter = (parameter: string, problem: string) => new FhirError(400, 'value', `Search parameter '${parameter}': ${problem}`);

export const unsupportedParameter = (parameter: string, problem: string) => new FhirError(400, 'not-supported', `Search parameter '${parameter}': ${problem}`);

/** Unknown, or outside what the caller may see: the same answer, so that it tells nothing. */
export const resourceNotFound = (type: string, id: string) => new FhirError(404, 'not-found', `${type}/${id.slice(0, 64)} is not known`);

export const unknownResourceType = (type: string) =>
  new FhirError(404, 'not-supported', `Resource type '${type.slice(0, 64)}' is not served here; GET /fhir/R4/metadata lists what is`);

export const unauthenticated = (diagnostics: string) => new FhirError(401, 'login', diagnostics, { 'www-authenticate': 'Bearer realm="referloop"' });

export const forbidden = (diagnostics: string) => new FhirError(403, 'forbidden', diagnostics);

/**
 * A posted resource refused for one of its elements: named in the diagnostics and, as FHIRPath,
 * in the OperationOutcome's expression. 422 by default: the JSON is a resource, but not one
 * that can be created (FHIR's answer to a resource that breaks the server's rules).
 */
export const refusedElement = (path: string, problem: string, code: IssueType = 'invalid', status = 422) =>
  new FhirError(status, code, `${path}: ${problem}`, {}, [path]);
