import { MAX_PAGE_SIZE } from '@referloop/common';
import { badParameter, FhirError, unsupportedParameter } from '../errors/fhir-error';
import { decodeCursor, type PageKey } from './page-cursor';
import type { AnySearchParameter, Condition, ParameterType, SearchParameter, ValueOf } from './search-parameter';
import { parseValues } from './search-values';

/** A page's size when `_count` is left out, as GraphQL's `first`. */
export const DEFAULT_PAGE_SIZE = 20;

/** What a search asks for, parsed and checked. */
export interface SearchRequest {
  conditions: Condition[];
  count: number;
  after: PageKey | null;
  /** The parameters applied, in order, for the Bundle's self and next links. */
  applied: Array<[string, string]>;
  /** Parameters left out under lenient handling, each with why. */
  ignored: string[];
}

/**
 * How a search treats a parameter it does not support: refused by default (400, naming it), or
 * left out when the client sends `Prefer: handling=lenient`, the Bundle then saying which in an
 * OperationOutcome entry and its self link showing only what applied (FHIR R4 §3.1.1.3.1).
 * Refusing is the default because a parameter silently dropped widens a search: an integrator
 * who misspells `patient` would get everyone's referrals they may see, not their patient's.
 */
export type Handling = 'strict' | 'lenient';

export const handlingOf = (prefer: string | string[] | undefined): Handling =>
  /(^|[\s,;])handling\s*=\s*lenient\b/i.test([prefer ?? []].flat().join(',')) ? 'lenient' : 'strict';

/** Parameters every search takes besides its resource type's own. */
export const RESULT_PARAMETERS = ['_count', '_cursor', '_format'] as const;

/** `_format` values that mean JSON; anything else (XML, Turtle) is not served. */
const JSON_FORMATS = /^(json|application\/json|application\/fhir\+json)(\s*;.*)?$/i;

/** The most parameters one search may give (repeats count): far more than any real search needs. */
const MAX_PARAMETERS = 20;

export function parseSearch(type: string, parameters: readonly AnySearchParameter[], query: URLSearchParams, handling: Handling): SearchRequest {
  const request: SearchRequest = { conditions: [], count: DEFAULT_PAGE_SIZE, after: null, applied: [], ignored: [] };
  // Each condition is SQL to plan and run: a search asks a bounded number of them.
  if ([...query.keys()].length > MAX_PARAMETERS) throw badParameter('_query', `a search takes at most ${MAX_PARAMETERS} parameters`);
  for (const [name, raw] of query) {
    if (name === '_count') request.count = pageSize(raw);
    else if (name === '_cursor') request.after = decodeCursor(type, raw);
    else if (name === '_format') assertJson(raw);
    else {
      const parameter = parameters.find((candidate) => candidate.name === name);
      if (!parameter) {
        const problem = notSupported(type, name, parameters);
        if (handling === 'strict') throw unsupportedParameter(name, `${problem}; send Prefer: handling=lenient to have unsupported parameters ignored`);
        request.ignored.push(`'${name}' was ignored: ${problem}`);
        continue;
      }
      request.conditions.push(bind(parameter, parseValues(parameter, raw) as ValueOf<ParameterType>[]));
      request.applied.push([name, raw]);
      continue;
    }
    if (name !== '_cursor') request.applied.push([name, raw]);
  }
  return request;
}

/** A read is a search for one id: the same query, so the same tenancy, as every search. */
export function readRequest(parameters: readonly AnySearchParameter[], id: string): SearchRequest {
  return { conditions: [byIds(parameters, [id])], count: 1, after: null, applied: [], ignored: [] };
}

/** The condition of `_id=<ids>`, as a search would have it. */
export function byIds(parameters: readonly AnySearchParameter[], ids: readonly string[]): Condition {
  const parameter = parameters.find((candidate) => candidate.name === '_id') as SearchParameter<'token'>;
  return bind(parameter, ids.map((code) => ({ system: null, code })));
}

function bind<T extends ParameterType>(parameter: SearchParameter<T>, values: ValueOf<T>[]): Condition {
  return (param) => parameter.where(values, param);
}

function notSupported(type: string, name: string, parameters: readonly AnySearchParameter[]): string {
  const supported = [...parameters.map((parameter) => parameter.name), ...RESULT_PARAMETERS].join(', ');
  const what = name.includes(':') ? 'modifiers are not supported' : `not a supported ${type} search parameter`;
  return `${what} (supported: ${supported})`;
}

function pageSize(raw: string): number {
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE_SIZE) throw badParameter('_count', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  return Number(raw);
}

function assertJson(raw: string): void {
  if (!JSON_FORMATS.test(raw.trim())) throw new FhirError(406, 'not-supported', `Search parameter '_format': only JSON (application/fhir+json) is served, not '${raw}'`);
}

/**
 * The query of a read or an operation, which takes no search parameters: `_format` alone.
 * Anything else is refused, or left out under lenient handling, as a search's would be.
 */
export function parseReadQuery(query: URLSearchParams, handling: Handling): void {
  for (const [name, raw] of query) {
    if (name === '_format') assertJson(raw);
    else if (handling === 'strict') throw unsupportedParameter(name, 'a read takes no parameter but _format; send Prefer: handling=lenient to have others ignored');
  }
}
