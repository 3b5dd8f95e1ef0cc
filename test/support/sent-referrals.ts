import { randomUUID } from 'node:crypto';
import { referralInput } from './fixtures';
import { GraphqlClient } from './graphql-client';

/** createReferral with send: true, asking back only what the resilience tests read. */
const CREATE_AND_SEND = `mutation createReferral($input: CreateReferralInput!) {
  createReferral(input: $input) { id status }
}`;

/**
 * Creates a referral from the holder of `referrer` to `providerId` and sends it at once: its
 * provider and patient emails are written by the gateway's own transition.
 */
export async function sendReferral(referrer: GraphqlClient, patientId: string, providerId: string): Promise<{ id: string; status: string }> {
  const data = await referrer.ok<{ createReferral: { id: string; status: string } }>(CREATE_AND_SEND, {
    input: { ...referralInput(patientId, providerId), idempotencyKey: randomUUID(), send: true },
  });
  return data.createReferral;
}

/** Runs `task(0) … task(count - 1)` with at most `parallel` in flight; rejects on the first failure. */
export async function inParallel<T>(count: number, parallel: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, lane));
  return results;
}
