import { safePath } from './safe-path';

describe('safePath', () => {
  it('drops the query string', () => {
    expect(safePath('/graphql?query={me{email}}&variables={"password":"x"}')).toBe('/graphql');
  });

  it('hides the token of patient links', () => {
    expect(safePath('/status/eyJhbGciOi.abc.def')).toBe('/status/[token]');
    expect(safePath('/unsubscribe/eyJhbGciOi.abc.def?one-click=1')).toBe('/unsubscribe/[token]');
  });

  it('keeps every other path as it is', () => {
    expect(safePath('/health/ready')).toBe('/health/ready');
    expect(safePath(undefined)).toBe('');
  });
});
