import type { IssueType, OperationOutcome, OperationOutcomeIssue } from '../model/fhir-types';

/** An OperationOutcome with one issue. */
export function operationOutcome(severity: OperationOutcomeIssue['severity'], code: IssueType, diagnostics: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}

/** The answer to anything nobody expected: no detail, which goes to the server's log instead. */
export const INTERNAL_ERROR_OUTCOME = operationOutcome('error', 'exception', 'Internal server error');
