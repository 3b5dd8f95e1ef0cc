import Redis from 'ioredis';
// Nothing from @referloop/common: the test run's set-up loads this outside the tests, and common pulls in GraphQL.
import { redisOptionsFromUrl } from './redis-connection';
import { REDIS_START_COMMAND, withoutPassword } from './redis-start';

/** One connection that gives up at once instead of retrying; `lastError` keeps why. */
function connection(redisUrl: string): { redis: Redis; lastError: () => string | undefined } {
  const redis = new Redis({ ...redisOptionsFromUrl(redisUrl), lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 1, retryStrategy: () => null });
  let last: string | undefined;
  redis.on('error', (error: Error) => {
    last = error.message;
  });
  return { redis, lastError: () => last };
}

/**
 * Fails with one clear line — where, why, and the command that starts it — when Redis is not
 * there: for the commands that need it before anything else (the demo, the test run), which
 * would otherwise wait for it or fail many times over.
 */
export async function assertRedisReachable(redisUrl: string): Promise<void> {
  const { redis, lastError } = connection(redisUrl);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Cannot reach Redis at ${withoutPassword(redisUrl)} (${lastError() ?? (error as Error).message}). Start it with \`${REDIS_START_COMMAND}\`, or point REDIS_URL at a running server.`,
    );
  } finally {
    redis.disconnect();
  }
}

