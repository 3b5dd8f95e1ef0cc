import type { CodeableConcept } from '../model/fhir-types';
import type { TokenValue } from './search-parameter';

/** Whether a concept has a coding a token search value names (any system when the value names none). */
export const conceptMatches = (concept: CodeableConcept, token: TokenValue): boolean =>
  (concept.coding ?? []).some((coding) => coding.code === token.code && (token.system === null || token.system === coding.system));

/** The codes of a closed list whose concept a token value names: what the token asks of a column holding those codes. */
export const codesMatching = <Code extends string>(codes: readonly Code[], conceptOf: (code: Code) => CodeableConcept, tokens: readonly TokenValue[]): Code[] =>
  codes.filter((code) => tokens.some((token) => conceptMatches(conceptOf(code), token)));
