import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { operationOutcome } from '../errors/operation-outcome';
import { FHIR_PATH } from './fhir-paths';
import { sendFhir } from './fhir-reply';

/**
 * The base with a trailing slash (`/fhir/R4/`), which the framework's routes cannot name (it
 * strips the slash) and the router does not hand to the fallback: answered here, as
 * FhirFallbackController answers the rest, with an OperationOutcome. It serves nothing and
 * names nothing, so it needs no sign-in.
 */
@Injectable()
export class FhirBaseSlash implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    const outcome = operationOutcome('error', 'not-supported', `Nothing is served at ${FHIR_PATH}/; GET ${FHIR_PATH}/metadata lists what is`);
    fastify.all(`${FHIR_PATH}/`, (_request, reply) => sendFhir(reply, 404, outcome));
  }
}
