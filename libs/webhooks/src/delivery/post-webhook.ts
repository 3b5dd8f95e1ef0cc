import { IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { addressAllowed, guardedLookup, literalAddress, TargetRefused } from '../target-guard';

/** Of a receiver's answer only this much is read: it is not kept, and a huge one must not hold the worker. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/** One attempt's outcome, as kept in the endpoint's list of attempts (never the secret, never the body). */
export interface AttemptResult {
  /** The receiver's HTTP status; null when there was no answer (refused, timed out, unreachable). */
  statusCode: number | null;
  durationMs: number;
  /** What went wrong, in words; null for a 2xx. */
  error: string | null;
  /** The receiver's Retry-After, when it gave one. */
  retryAfterMs: number | null;
}

export const succeeded = (result: AttemptResult): boolean => result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;

/** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Why a connection failed, in words a clinic's admin can act on. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof TargetRefused) return error.message;
  const { name, code, message } = error as NodeJS.ErrnoException;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ENOTFOUND') return 'the host name does not resolve';
  if (code === 'ECONNRESET') return 'the connection was closed before an answer';
  return (code ? `${code}: ${message}` : message).slice(0, 300);
}

/**
 * POSTs one signed event. Never throws for the receiver's sake: every outcome (an answer, none
 * in time, a refused address) is a result to record. Redirects are not followed (a 3xx is a
 * failed attempt), at most 64 KB of the answer is read, and the connection goes only to an
 * address the target rules allow, checked on the address actually connected to.
 */
export function postWebhook(url: URL, headers: Record<string, string>, body: string, options: { timeoutMs: number; allowPrivate: boolean }): Promise<AttemptResult> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number((process.hrtime.bigint() - started) / 1_000_000n);
  const literal = literalAddress(url);
  if (literal !== null && !addressAllowed(literal, options.allowPrivate)) {
    return Promise.resolve({ statusCode: null, durationMs: 0, error: 'url points to a private, loopback or link-local address', retryAfterMs: null });
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<AttemptResult>((resolve) => {
    const fail = (error: unknown) => resolve({ statusCode: null, durationMs: elapsed(), error: describeFailure(error, options.timeoutMs), retryAfterMs: null });
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'ReferLoop-Webhooks/1' },
        lookup: guardedLookup(options.allowPrivate),
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response: IncomingMessage) => {
        const statusCode = response.statusCode ?? 0;
        let read = 0;
        const done = () =>
          resolve({
            statusCode,
            durationMs: elapsed(),
            error: statusCode >= 200 && statusCode < 300 ? null : statusCode >= 300 && statusCode < 400 ? `HTTP ${statusCode}: redirects are not followed` : `HTTP ${statusCode}`,
            retryAfterMs: retryAfterMs(response.headers['retry-after']),
          });
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) response.destroy();
        });
        response.on('end', done);
        // Cut off after 64 KB (or by the receiver): the status is what counts.
        response.on('close', done);
        response.on('error', () => done());
      },
    );
    request.on('error', fail);
    request.end(body);
  });
}
