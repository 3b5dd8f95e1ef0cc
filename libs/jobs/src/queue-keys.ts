import Redis from 'ioredis';
import { redisOptionsFromUrl } from './redis-connection';

/**
 * Deletes every key under `prefix:` (SCAN + UNLINK) and says how many went: for a deployment's
 * queues that are done with for good — a test's, a demo's or a benchmark's own prefix, whose
 * delayed jobs would otherwise sit in Redis for days with no worker to read them.
 */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis({ ...redisOptionsFromUrl(redisUrl), lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => undefined);
  let deleted = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}
