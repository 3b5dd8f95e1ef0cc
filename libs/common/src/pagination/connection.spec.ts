import { DomainError } from '@referloop/core';
import { decodeCursor, encodeCursor, toConnection } from './connection';

describe('keyset cursors', () => {
  const id = '0d9f6a52-1c1e-4a8e-9d6b-2b1f7a3c5e11';
  const at = new Date('2026-03-01T15:02:11.123Z');

  it('round-trips (createdAt, id)', () => {
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ createdAt: at, id });
  });

  it('treats a missing cursor as the first page', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });

  it.each(['garbage', Buffer.from('2026-01-01|not-a-uuid').toString('base64url'), Buffer.from(`x|${id}`).toString('base64url')])(
    'refuses %s as bad input on `after`',
    (cursor) => {
      try {
        decodeCursor(cursor);
        throw new Error('expected a DomainError');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).extensions).toEqual({ field: 'after' });
      }
    },
  );

  it('uses the extra row only to signal a next page, and counts only when asked', async () => {
    const rows = [0, 1, 2].map((n) => ({ id: `${n}`.padStart(8, '0') + id.slice(8), createdAt: new Date(at.getTime() - n) }));
    const count = jest.fn(() => Promise.resolve(3));
    const page = toConnection(rows, { limit: 2, after: null }, count, (row) => row.id);
    expect(page.edges.map((edge) => edge.node)).toEqual([rows[0].id, rows[1].id]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[1].cursor });
    expect(count).not.toHaveBeenCalled();
    await expect(page.totalCount()).resolves.toBe(3);
    const last = toConnection(rows.slice(0, 1), { limit: 2, after: null }, count, (row) => row.id);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });
});
