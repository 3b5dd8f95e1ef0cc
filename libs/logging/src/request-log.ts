import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

/**
 * One HTTP request's logging: the logger every line written while it runs goes through (so an
 * error logged deep inside carries the request's id), and the fields its one request line gains
 * on the way (the GraphQL operation, the user, the result).
 */
export class RequestLog {
  readonly fields: Record<string, unknown> = {};

  constructor(readonly logger: Logger) {}

  /** Adds `fields` to the request's line, written when the answer has gone. */
  add(fields: Record<string, unknown>): void {
    Object.assign(this.fields, fields);
  }
}

const current = new AsyncLocalStorage<RequestLog>();

/** Runs `work` (and everything it starts) as part of `log`'s request. */
export function runInRequestLog<T>(log: RequestLog, work: () => T): T {
  return current.run(log, work);
}

/** The request the caller runs in, if any (none at start-up, in the worker, or in a timer of its own). */
export function currentRequestLog(): RequestLog | undefined {
  return current.getStore();
}
