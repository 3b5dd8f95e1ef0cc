import type { DateRange } from './date-value';

/** Appends a value to the statement's parameters and returns its placeholder ($3). */
export type Param = (value: unknown) => string;

/** FHIR's search parameter types this API implements. */
export type ParameterType = 'token' | 'reference' | 'date' | 'string';

/** `[system|]code`: `system` is null when the value named none, '' for `|code` (a code without a system). */
export interface TokenValue {
  system: string | null;
  code: string;
}

/** `Type/id` or a bare id (`type` is then the parameter's one target). */
export interface ReferenceValue {
  type: string;
  id: string;
}

export type ValueOf<T extends ParameterType> = T extends 'token' ? TokenValue : T extends 'reference' ? ReferenceValue : T extends 'date' ? DateRange : string;

/**
 * One search parameter of one resource type: what the CapabilityStatement declares about it
 * and the SQL it becomes, side by side, so that a parameter is served exactly when it is
 * declared. One occurrence's values are alternatives (`status=a,b`); occurrences of the same
 * parameter all apply (`_lastUpdated=ge…&_lastUpdated=lt…`).
 */
export interface SearchParameter<T extends ParameterType = ParameterType> {
  name: string;
  type: T;
  /** The canonical URL of the R4 SearchParameter whose meaning this one has. */
  definition: string;
  documentation: string;
  /** Reference parameters: the resource types a value may name. */
  targets?: readonly string[];
  /** Token parameters with a closed list of codes (a required binding): any other code is refused. */
  codes?: readonly string[];
  /** Date parameters on a date (not an instant) column: a time in the value is refused. */
  dateOnly?: boolean;
  /** The SQL condition one occurrence of the parameter adds. */
  where(values: ValueOf<T>[], param: Param): string;
}

/** Any resource type's parameter, whatever its type. */
export type AnySearchParameter = { [T in ParameterType]: SearchParameter<T> }[ParameterType];

/** A parameter's occurrence, parsed, waiting for the statement it goes into. */
export type Condition = (param: Param) => string;

export const searchParameter = <T extends ParameterType>(parameter: SearchParameter<T>): SearchParameter<T> => parameter;

/** `_id` and `_lastUpdated`, whose definitions are the same for every resource type. */
export const RESOURCE_ID = 'http://hl7.org/fhir/SearchParameter/Resource-id';
export const RESOURCE_LAST_UPDATED = 'http://hl7.org/fhir/SearchParameter/Resource-lastUpdated';

/** A condition that none of `parts` holds for is false; several are alternatives. */
export const anyOf = (parts: readonly string[]): string => (parts.length === 0 ? 'FALSE' : `(${parts.join(' OR ')})`);
