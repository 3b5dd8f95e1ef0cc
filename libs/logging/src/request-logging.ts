import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { RequestLog, runInRequestLog } from './request-log';
import { safePath } from './safe-path';

/** Probes and scrapes every few seconds would drown the lines that matter. */
const QUIET_PATHS = /^\/(health\/|metrics$)/;

/**
 * One JSON line per HTTP request, written when its answer has gone: the request as id, method
 * and a safe path (never its headers or body, so a token, password or patient detail cannot
 * reach the logs by way of the request), the status, the time taken, and what the request added
 * on the way (RequestLog.add: the GraphQL operation, user and result). A status of 500 or more
 * is logged as an error, "request failed"; a request the client gave up on, as "request aborted".
 *
 * Everything the request runs, runs in its RequestLog, so a line logged while answering it (an
 * unexpected error, say) carries its id too.
 */
export function logEveryRequest(instance: FastifyInstance, root: Logger): void {
  const logs = new WeakMap<FastifyRequest, RequestLog>();
  instance.addHook('onRequest', (request, reply, done) => {
    const path = safePath(request.url);
    if (QUIET_PATHS.test(path)) return done();
    const log = new RequestLog(root.child({ req: { id: request.id, method: request.method, path } }));
    logs.set(request, log);
    // A connection closed before the answer was written (the client or a proxy gave up). Not
    // Fastify's onRequestAbort: once a POST's body is read, Node no longer reports the request as
    // aborted, and the answer's own events never come.
    reply.raw.once('close', () => {
      if (reply.raw.writableFinished || !logs.delete(request)) return;
      log.logger.warn({ responseTime: Math.round(reply.elapsedTime), ...log.fields }, 'request aborted');
    });
    runInRequestLog(log, done);
  });
  instance.addHook('onResponse', (request, reply, done) => {
    const log = logs.get(request);
    if (log) {
      logs.delete(request);
      const failed = reply.statusCode >= 500;
      const line = { res: { statusCode: reply.statusCode }, responseTime: Math.round(reply.elapsedTime), ...log.fields };
      if (failed) log.logger.error(line, 'request failed');
      else log.logger.info(line, 'request completed');
    }
    done();
  });
}
