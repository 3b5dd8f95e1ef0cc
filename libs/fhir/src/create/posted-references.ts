import { refusedElement } from '../errors/fhir-error';
import type { ReferenceType } from '../mappers/references';
import type { ClientIdentifier } from './identifier-key';
import { objectAt, requiredText, textAt } from './posted-elements';

/** What a posted reference names: a resource of this server (its type and id), or another entry of the same transaction Bundle (its fullUrl). */
export type PostedTarget = { type: ReferenceType; id: string } | { fullUrl: string };

/** A reference into the Bundle it is posted in: an entry's fullUrl, which is a URN until the entry is created. */
const BUNDLE_LOCAL = /^urn:(uuid|oid):\S+$/i;

/**
 * The target of a literal reference (`reference`): `Type/id`, the same under this server's base
 * (`<base>/Type/id`, as the fullUrls it writes), or a `urn:uuid:` of the Bundle. Another
 * server's URL, a type not allowed here or anything else is refused naming the element. An id
 * is taken as written: the rules that use it check it (an id this server could not have made
 * is refused there, or not found).
 */
export function literalTarget(value: unknown, path: string, types: readonly ReferenceType[], base: string): PostedTarget {
  const reference = requiredText(objectAt(value, path).reference, `${path}.reference`, `a reference to ${types.join(' or ')}`);
  if (BUNDLE_LOCAL.test(reference)) return { fullUrl: reference };
  const relative = reference.startsWith(`${base}/`) ? reference.slice(base.length + 1) : reference;
  const match = /^([A-Za-z]+)\/([^/]+)$/.exec(relative);
  const type = types.find((candidate) => candidate === match?.[1]);
  if (!match || !type) throw refusedElement(`${path}.reference`, `'${reference.slice(0, 120)}' is not a reference to ${types.join(' or ')} on this server (Type/id)`);
  return { type, id: match[2] };
}

/** An Identifier: both its system and its value, or it identifies nothing. */
export function identifierAt(value: unknown, path: string): ClientIdentifier {
  const identifier = objectAt(value, path);
  const system = textAt(identifier.system, `${path}.system`);
  const text = textAt(identifier.value, `${path}.value`);
  if (!system || !text) throw refusedElement(path, 'needs both a system and a value');
  return { system, value: text };
}

/** The identifier of a reference that is logical (by `identifier` instead of `reference`); null for a literal one. */
export function logicalIdentifierOf(value: unknown, path: string): ClientIdentifier | null {
  const identifier = objectAt(value, path).identifier;
  return identifier === undefined ? null : identifierAt(identifier, `${path}.identifier`);
}
