import type { AppConfig } from '@referloop/core';

/** Where the FHIR R4 API is served: the gateway's own path (gateway-prefixes.json lists `/fhir`). */
export const FHIR_PATH = '/fhir/R4';

/**
 * The server's base as integrators reach it: the public address of the deployment, so that
 * links and full URLs hold behind a proxy (the Host header a proxy forwards may be its own).
 */
export const fhirBaseUrl = (config: AppConfig): string => `${config.links.publicUrl}${FHIR_PATH}`;

/** Whether a request URL is the FHIR API's (its base, or under it). */
export const isFhirUrl = (url: string): boolean => url === FHIR_PATH || url.startsWith(`${FHIR_PATH}/`) || url.startsWith(`${FHIR_PATH}?`);

/** Whether a request URL is under /fhir, where every answer is FHIR's (FhirFallbackController answers what nothing serves). */
export const isUnderFhir = (url: string): boolean => url === '/fhir' || url.startsWith('/fhir/') || url.startsWith('/fhir?');
