import { clearedCookie, parseCookies, serializeCookie } from './cookies';

describe('cookies', () => {
  it('writes an HttpOnly, SameSite=Strict cookie for one path, Secure only when asked', () => {
    expect(serializeCookie('name', 'a.b_c-d', { path: '/graphql', maxAgeSeconds: 90.7, secure: false })).toBe(
      'name=a.b_c-d; Path=/graphql; Max-Age=90; HttpOnly; SameSite=Strict',
    );
    expect(serializeCookie('name', 'x y;z', { path: '/admin', maxAgeSeconds: 10, secure: true })).toBe(
      'name=x%20y%3Bz; Path=/admin; Max-Age=10; HttpOnly; SameSite=Strict; Secure',
    );
  });

  it('never writes a negative Max-Age', () => {
    expect(serializeCookie('name', 'v', { path: '/', maxAgeSeconds: -5, secure: false })).toContain('Max-Age=0;');
  });

  it('clears a cookie with an empty value and Max-Age=0, on the same path', () => {
    expect(clearedCookie('name', { path: '/graphql', secure: true })).toBe('name=; Path=/graphql; Max-Age=0; HttpOnly; SameSite=Strict; Secure');
  });

  it('reads what it wrote', () => {
    const written = serializeCookie('name', 'x y;z=1', { path: '/', maxAgeSeconds: 1, secure: false }).split(';')[0];
    expect(parseCookies(`other=1; ${written}`).get('name')).toBe('x y;z=1');
  });

  it('reads every cookie of a header, keeping the first of a name sent twice', () => {
    const cookies = parseCookies('a=1;b=two ; a=3; empty=; =nameless; novalue');
    expect([...cookies]).toEqual([
      ['a', '1'],
      ['b', 'two'],
      ['empty', ''],
    ]);
  });

  it('leaves out a value that is not validly percent-encoded, and reads no header as no cookies', () => {
    expect([...parseCookies('bad=%E0%A4%A; good=1')]).toEqual([['good', '1']]);
    expect(parseCookies(undefined).size).toBe(0);
    expect(parseCookies('').size).toBe(0);
  });
});
