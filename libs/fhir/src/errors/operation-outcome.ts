import type { IssueType, OperationOutcome, OperationOutcomeIssue } from '../model/fhir-types';

/** An OperationOutcome with one issue, naming the elements at fault where there are some. */
export function operationOutcome(severity: OperationOutcomeIssue['severity'], code: IssueType, diagnostics: string, expression: readonly string[] = []): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics, ...(expression.length > 0 && { expression: [...expression] }) }] };
}

/** The answer to anything nobody expected: no detail, which goes to the server's log instead. */
export const INTERNAL_ERROR_OUTCOME = operationOutcome('error', 'exception', 'Internal server error');
