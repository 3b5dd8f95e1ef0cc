import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { INTERNAL_ERROR_OUTCOME, operationOutcome } from '../errors/operation-outcome';
import type { OperationOutcome } from '../model/fhir-types';
import { isUnderFhir } from './fhir-paths';
import { FHIR_JSON } from './fhir-reply';

/**
 * What the framework refuses on the FHIR API's paths before any FHIR code runs (a body that is
 * not JSON or too large, a media type it cannot read) is answered in FHIR's terms too: the same
 * status, as an OperationOutcome in FHIR JSON, in words of its own rather than the framework's.
 * Every other answer under /fhir is FHIR's already and passes untouched.
 */
@Injectable()
export class FrameworkRefusals implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onSend', async (request, reply, payload) => {
      const mediaType = String(reply.getHeader('content-type') ?? '');
      if (reply.statusCode < 400 || !isUnderFhir(request.url) || mediaType.startsWith('application/fhir+json')) return payload;
      reply.header('content-type', FHIR_JSON).header('cache-control', 'no-store');
      return JSON.stringify(outcomeOf(reply.statusCode));
    });
  }
}

function outcomeOf(status: number): OperationOutcome {
  if (status >= 500) return INTERNAL_ERROR_OUTCOME;
  if (status === 400) return operationOutcome('error', 'structure', 'The body could not be read: it is empty or not valid JSON');
  if (status === 413) return operationOutcome('error', 'too-long', 'The body is larger than a request may be');
  if (status === 415) return operationOutcome('error', 'not-supported', 'Send the resource as application/fhir+json (or application/json)');
  return operationOutcome('error', 'invalid', 'The request could not be read');
}
