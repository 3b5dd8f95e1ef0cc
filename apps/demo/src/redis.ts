import Redis from 'ioredis';

const redactUrl = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/** One connection that gives up at once instead of retrying; `lastError` keeps why. */
function connection(redisUrl: string): { redis: Redis; lastError: () => string | undefined } {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 1, retryStrategy: () => null });
  let last: string | undefined;
  redis.on('error', (error: Error) => {
    last = error.message;
  });
  return { redis, lastError: () => last };
}

/**
 * Fails with one clear line when Redis is not there: the worker would otherwise wait for it
 * indefinitely, and the demo with it.
 */
export async function assertRedisReachable(redisUrl: string): Promise<void> {
  const { redis, lastError } = connection(redisUrl);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Cannot reach Redis at ${redactUrl(redisUrl)} (${lastError() ?? (error as Error).message}). Start it (\`redis-server --daemonize yes\`) or point REDIS_URL at a running server.`,
    );
  } finally {
    redis.disconnect();
  }
}

