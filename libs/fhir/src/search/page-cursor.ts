import { isUuid } from '@referloop/core';
import { badParameter } from '../errors/fhir-error';

/**
 * Where a page ends, in the order every search returns (newest first): the time and id of the
 * row it is keyed on (a referral, a patient, a provider, a clinic) and, for resources of which a
 * referral has several (observations, goals), their place within it. The next page starts after
 * it, so rows added meanwhile neither shift nor repeat a page (GraphQL's keyset pages, the same).
 */
export interface PageKey {
  at: Date;
  id: string;
  sub: number;
}

/** The `_cursor` of the next page's link: opaque to clients, and only good for the resource type it came from. */
export function encodeCursor(type: string, key: PageKey): string {
  return Buffer.from(`${type}|${key.at.toISOString()}|${key.id}|${key.sub}`).toString('base64url');
}

export function decodeCursor(type: string, cursor: string): PageKey {
  const [cursorType, at, id, sub, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const time = new Date(at ?? '');
  if (extra !== undefined || cursorType !== type || !isUuid(id) || !/^\d{1,15}$/.test(sub ?? '') || Number.isNaN(time.getTime())) {
    throw badParameter('_cursor', `not a cursor of a ${type} search of this server: follow the Bundle's next link as it is`);
  }
  return { at: time, id: id.toLowerCase(), sub: Number(sub) };
}
