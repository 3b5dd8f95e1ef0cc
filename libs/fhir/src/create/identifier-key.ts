import { createHash } from 'node:crypto';
import { FhirError } from '../errors/fhir-error';
import { REFERLOOP } from '../terminology/systems';

/** A business identifier as an EHR writes it: its system and value. */
export interface ClientIdentifier {
  system: string;
  value: string;
}

/**
 * createReferral's idempotency key for a request the client identifies: the same system and
 * value always give the same key, so a repeated create answers the referral the first one made
 * (per user, as createReferral's keys are). Hashed, because a key is at most 100 characters of
 * `A-Za-z0-9._:-` and a FHIR system is any URI; the prefix keeps these apart from keys a GraphQL
 * client chose.
 */
export const idempotencyKeyOf = ({ system, value }: ClientIdentifier): string => `fhir:${createHash('sha256').update(`${system}|${value}`).digest('hex')}`;

/** The referral reference is ReferLoop's to give: a client's request cannot be known by it. */
export const isOwnIdentifier = (identifier: ClientIdentifier): boolean => identifier.system === REFERLOOP.referralReference;

/**
 * FHIR's conditional create (`If-None-Exist: identifier=<system>|<value>`, or a transaction
 * entry's `request.ifNoneExist`), the one search it takes here: create unless the client already
 * created a referral under that identifier. Any other parameter, or an identifier without its
 * system, is refused (400, naming the header, or the `element` of a Bundle that held it) rather
 * than ignored, which would create again what the client meant to find.
 */
export function ifNoneExistIdentifier(query: string | undefined, element?: string): ClientIdentifier | null {
  if (query === undefined) return null;
  const badHeader = (problem: string) => new FhirError(400, 'value', `${element ?? 'If-None-Exist'}: ${problem}`, {}, element ? [element] : []);
  const parameters = [...new URLSearchParams(query.trim().replace(/^\?/, ''))];
  if (parameters.length !== 1 || parameters[0][0] !== 'identifier') {
    throw badHeader('give one parameter, identifier=<system>|<value> (the identifier of your request)');
  }
  const [system, value, ...rest] = parameters[0][1].split('|');
  if (!system || !value || rest.length > 0) throw badHeader('the identifier needs its system and value: identifier=<system>|<value>');
  const identifier = { system, value };
  if (isOwnIdentifier(identifier)) throw badHeader(`${REFERLOOP.referralReference} is ReferLoop's reference of a referral; give your own identifier`);
  return identifier;
}
