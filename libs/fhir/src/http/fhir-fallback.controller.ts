import { All, Controller, Req, UseFilters } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { FhirError } from '../errors/fhir-error';
import { FhirExceptionFilter } from '../errors/fhir-exception.filter';
import { FhirCaller } from './fhir-caller';

/** How much of the path an answer repeats back. */
const MAX_ECHO = 120;

/**
 * Whatever else is asked under /fhir (another method, a path nothing serves, the base itself
 * with or without its slash): FHIR's own answer, an OperationOutcome, never the web app's page
 * nor the framework's bare 404. The router prefers every route of FhirController to these.
 */
@Controller('fhir')
@UseFilters(FhirExceptionFilter)
export class FhirFallbackController {
  constructor(private readonly caller: FhirCaller) {}

  @All(['', '*'])
  async elsewhere(@Req() request: FastifyRequest): Promise<never> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new FhirError(405, 'not-supported', `${request.method} is not supported here: this FHIR API reads and searches (GET), and creates referrals (POST ServiceRequest, or a transaction Bundle posted to the base)`);
    }
    await this.caller.actorOf(request);
    throw new FhirError(404, 'not-supported', `Nothing is served at ${request.url.split('?')[0].slice(0, MAX_ECHO)}; GET /fhir/R4/metadata lists what is`);
  }
}
