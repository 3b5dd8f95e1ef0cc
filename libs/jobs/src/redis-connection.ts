import Redis, { RedisOptions } from 'ioredis';

/** ioredis options from a redis:// or rediss:// URL (BullMQ workers need them as an object). */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace(/^\//, '');
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: db ? Number(db) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * The client a request path may use: it never queues commands while disconnected and gives up
 * after `commandTimeoutMs`, so Redis being down costs a mutation a fast failure of its
 * best-effort enqueue, never a hang. It keeps reconnecting in the background.
 */
export function createFailFastRedis(url: string, commandTimeoutMs: number, name: string): Redis {
  return new Redis({
    ...redisOptionsFromUrl(url),
    connectionName: name,
    enableOfflineQueue: false,
    commandTimeout: commandTimeoutMs,
    connectTimeout: Math.max(commandTimeoutMs, 1000),
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
}
