import { requestIdFrom } from './request-id';

describe('requestIdFrom', () => {
  it("keeps the caller's id when it is a plausible one", () => {
    expect(requestIdFrom({ 'x-request-id': 'lb-7f3a.42:1' })).toBe('lb-7f3a.42:1');
  });

  it('makes a new one when there is none, or when it is too long or holds odd characters (it goes into log lines)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const headers of [{}, { 'x-request-id': 'x'.repeat(129) }, { 'x-request-id': 'a b' }, { 'x-request-id': 'a\nb' }, { 'x-request-id': ['a', 'b'] }]) {
      expect(requestIdFrom(headers)).toMatch(uuid);
    }
  });
});
