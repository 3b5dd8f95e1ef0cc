import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorCode, logUnexpectedError } from '@referloop/core';
import type { IssueType } from '../model/fhir-types';
import { sendFhir } from '../http/fhir-reply';
import { FhirError } from './fhir-error';
import { INTERNAL_ERROR_OUTCOME, operationOutcome } from './operation-outcome';

/**
 * Every failure of a FHIR request becomes an OperationOutcome: the API's own refusals with their
 * status; a domain error from the code FHIR reuses (a malformed id, say) by its code; an HTTP
 * error of the framework by its status; anything else is a 500 that says nothing more, logged
 * once with its stack here, the one place that sees it.
 */
@Catch()
export class FhirExceptionFilter implements ExceptionFilter {
  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    const { status, code, diagnostics, headers, expression } = describe(exception);
    if (status >= 500) logUnexpectedError(exception);
    const outcome = status >= 500 ? INTERNAL_ERROR_OUTCOME : operationOutcome('error', code, diagnostics, expression);
    await sendFhir(reply.headers(headers), status, outcome);
  }
}

const DOMAIN: Partial<Record<ErrorCode, { status: number; code: IssueType }>> = {
  [ErrorCode.UNAUTHENTICATED]: { status: 401, code: 'login' },
  [ErrorCode.FORBIDDEN]: { status: 403, code: 'forbidden' },
  [ErrorCode.NOT_FOUND]: { status: 404, code: 'not-found' },
  [ErrorCode.BAD_USER_INPUT]: { status: 400, code: 'invalid' },
};

interface Described {
  status: number;
  code: IssueType;
  diagnostics: string;
  headers: Record<string, string>;
  expression?: readonly string[];
}

function describe(exception: unknown): Described {
  if (exception instanceof FhirError) {
    return { status: exception.status, code: exception.issueType, diagnostics: exception.message, headers: { ...exception.headers }, expression: exception.expression };
  }
  if (exception instanceof DomainError && DOMAIN[exception.code]) return { ...DOMAIN[exception.code]!, diagnostics: exception.message, headers: {} };
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    return { status: exception.getStatus(), code: exception.getStatus() === 404 ? 'not-found' : 'invalid', diagnostics: exception.message, headers: {} };
  }
  return { status: 500, code: 'exception', diagnostics: 'Internal server error', headers: {} };
}
