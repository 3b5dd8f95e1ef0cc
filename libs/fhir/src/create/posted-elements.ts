import { FhirError, refusedElement } from '../errors/fhir-error';
import type { Coding } from '../model/fhir-types';

/** A JSON object of a posted resource, its elements not yet checked. */
export type Posted = Readonly<Record<string, unknown>>;

/**
 * Reading a posted resource, which is whatever JSON the client sent: every element is checked
 * for its JSON type before it is used, and a wrong one is refused naming its FHIRPath (`path`),
 * so that no shape of body reaches code that would fail on it (a 500).
 */
export function objectAt(value: unknown, path: string): Posted {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw refusedElement(path, 'must be a JSON object');
  return value as Posted;
}

/** A repeating element: its items, none when it is absent. */
export function listAt(value: unknown, path: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw refusedElement(path, 'must be a JSON array');
  return value;
}

export function textAt(value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw refusedElement(path, 'must be a string');
  return value;
}

/** A whole number or a decimal, as the element holds it; its range is for the rules that read it. */
export function numberAt(value: unknown, path: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw refusedElement(path, 'must be a number');
  return value;
}

export function requiredText(value: unknown, path: string, what: string): string {
  const text = textAt(value, path);
  if (text === undefined || text.trim() === '') throw refusedElement(path, `is required: ${what}`, 'required');
  return text;
}

/**
 * Refuses any element of `resource` but those read and those knowingly ignored (what the server
 * sets itself, or keeps nowhere without changing what is asked). An element silently dropped
 * would change the request: a body site, a specimen, a condition in a field not read.
 * `_element` (a primitive's id and extensions) goes with its element.
 */
export function onlyElements(resource: Posted, path: string, read: readonly string[], ignored: readonly string[] = []): void {
  for (const name of Object.keys(resource)) {
    const element = name.startsWith('_') ? name.slice(1) : name;
    if (read.includes(element) || ignored.includes(element)) continue;
    throw refusedElement(`${path}.${name}`, `is not kept by ReferLoop; leave it out (docs/fhir.md lists what is read)`, 'not-supported');
  }
}

/** The codings of a CodeableConcept that have a system and a code; the others say nothing a code could. */
export function codingsOf(value: unknown, path: string): Coding[] {
  const concept = objectAt(value, path);
  return listAt(concept.coding, `${path}.coding`).flatMap((item, index) => {
    const coding = objectAt(item, `${path}.coding[${index}]`);
    const system = textAt(coding.system, `${path}.coding[${index}].system`);
    const code = textAt(coding.code, `${path}.coding[${index}].code`);
    return system && code ? [{ system, code }] : [];
  });
}

/** A CodeableConcept's words: its text, or else its first display. */
export function conceptText(value: unknown, path: string): string | undefined {
  const concept = objectAt(value, path);
  const text = textAt(concept.text, `${path}.text`);
  if (text?.trim()) return text.trim();
  const displays = listAt(concept.coding, `${path}.coding`).map((item, index) => textAt(objectAt(item, `${path}.coding[${index}]`).display, `${path}.coding[${index}].display`));
  return displays.find((display) => display?.trim())?.trim();
}

/**
 * The body of a POST as the resource it must be: a JSON object whose resourceType is `type`.
 * Anything else is not that resource at all: 400, as FHIR answers a body it cannot take as the
 * resource the request is for (an element's fault is 422, once it is one).
 */
export function postedResource(body: unknown, type: string): Posted {
  const resourceType = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Posted).resourceType : undefined;
  if (resourceType !== type) {
    const found = typeof resourceType === 'string' ? `resourceType '${resourceType.slice(0, 64)}'` : 'no resourceType';
    throw new FhirError(400, 'invalid', `The body must be a ${type} resource; it has ${found}`);
  }
  return body as Posted;
}
