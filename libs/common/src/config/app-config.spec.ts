import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/referloop');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.responseWindowHours).toEqual({ ROUTINE: 72, URGENT: 24 });
    expect(config.bootstrapAdmin).toBeNull();
  });

  it('treats an empty string as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' }).port).toBe(3000);
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toContain('/referloop');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://localhost'],
    ['JWT_SECRET', 'short'],
    ['RESPONSE_WINDOW_URGENT_HOURS', '-1'],
    ['LOG_LEVEL', 'verbose'],
    ['TRUST_PROXY', 'maybe'],
    ['GRAPHQL_MAX_ITEMS', '50'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('requires the bootstrap admin email and password together', () => {
    expect(() => loadConfig({ BOOTSTRAP_ADMIN_EMAIL: 'a@b.c' })).toThrow('BOOTSTRAP_ADMIN_PASSWORD');
    expect(loadConfig({ BOOTSTRAP_ADMIN_EMAIL: 'A@B.C', BOOTSTRAP_ADMIN_PASSWORD: 'long-enough-pw' }).bootstrapAdmin).toEqual({
      email: 'a@b.c',
      password: 'long-enough-pw',
    });
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('JWT_SECRET');
  });

  it('accepts fractional response windows so tests can use seconds', () => {
    expect(loadConfig({ RESPONSE_WINDOW_ROUTINE_HOURS: '0.001' }).responseWindowHours.ROUTINE).toBe(0.001);
  });
});
