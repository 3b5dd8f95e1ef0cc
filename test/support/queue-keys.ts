import { deleteQueueKeys as deleteKeys } from '@referloop/jobs';

/** Removes every key under a test's queue prefix, so runs leave nothing behind in Redis. */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  // A Redis that is gone (a kill test's own server) holds nothing to clean.
  await deleteKeys(redisUrl, prefix).catch(() => undefined);
}
