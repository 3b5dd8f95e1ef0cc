import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { errorCodes, type FastifyInstance } from 'fastify';
import { isFhirUrl } from './fhir-paths';

/** FHIR's JSON media type as a request's Content-Type names it (R4 §3.1.0.1.5). */
const FHIR_JSON_TYPE = 'application/fhir+json';

/**
 * Lets the framework take bodies of FHIR's own media type, which it does not know (415), on the
 * FHIR API's paths: read as text, within the gateway's body limit like every body, for
 * postedJson to parse and, if need be, refuse as FHIR. Elsewhere the type stays refused as before,
 * with the framework's own error, which every other path answers as it always did (415).
 */
@Injectable()
export class FhirJsonParser implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser(FHIR_JSON_TYPE, { parseAs: 'string' }, (request, body, done) => {
      if (isFhirUrl(request.url)) done(null, body);
      else done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(), undefined);
    });
  }
}
