import type { FastifyRequest } from 'fastify';
import { FhirError } from '../errors/fhir-error';

/** The media types a resource may be posted in: FHIR's JSON, and plain JSON, which FHIR servers take alike. */
const JSON_MEDIA_TYPE = /^application\/(fhir\+)?json\s*(;|$)/i;

/**
 * The JSON a client posted. FHIR's media type reaches here as text (FhirJsonParser) and is
 * parsed here, so that a body that is not JSON is FHIR's 400; plain JSON the framework has
 * parsed already (and refused, if it is not JSON: FrameworkRefusals answers that as FHIR).
 * Any other media type is refused (415), even one the framework could read as text.
 */
export function postedJson(request: FastifyRequest): unknown {
  const mediaType = request.headers['content-type'] ?? '';
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw new FhirError(415, 'not-supported', `Send the resource as application/fhir+json (or application/json), not ${mediaType ? mediaType.slice(0, 64) : 'without a Content-Type'}`);
  }
  if (typeof request.body !== 'string') return request.body;
  try {
    return JSON.parse(request.body);
  } catch {
    // Its SyntaxError says where the text went wrong, quoting it: not for the answer, which says only what it is.
    throw new FhirError(400, 'structure', 'The body is not valid JSON');
  }
}
