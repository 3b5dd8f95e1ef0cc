import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '@referloop/core';
import { requestIdFrom } from './request-id';
import { safePath } from './safe-path';

const PINO_LEVEL: Record<AppConfig['logLevel'], string> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };

/** Probes and scrapes every few seconds would drown the lines that matter. */
const QUIET_PATHS = /^\/(health\/|metrics$)/;

export interface LoggingOptions {
  /** Where the JSON lines go; standard output when omitted (tests pass a stream to read them). */
  stream?: DestinationStream;
}

/**
 * Structured JSON logs through pino, one line per HTTP request (id, method, path, status,
 * duration, plus what the GraphQL layer adds: operation, user id, result code). What a line
 * may hold is decided here, by allow-list: the request is logged as id, method and a safe path,
 * never its headers or body, so a token, password or patient detail cannot reach the logs by
 * way of the request.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, options: LoggingOptions = {}): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          assignResponse: true,
          pinoHttp: [
            {
              level: PINO_LEVEL[config.logLevel],
              // Fastify assigns the id (see the gateway's bootstrap); this covers a request that reaches pino without one.
              genReqId: (request) => requestIdFrom(request.headers),
              // The middleware is mounted under a path, which Fastify's middleware layer strips from
              // `url` (a probe of /health/ready reads "/"); `originalUrl` keeps the whole path.
              autoLogging: { ignore: (request) => QUIET_PATHS.test(safePath((request as { originalUrl?: string }).originalUrl ?? request.url)) },
              customSuccessMessage: () => 'request completed',
              customErrorMessage: () => 'request failed',
              serializers: {
                req: (request: { id: unknown; method: string; url: string }) => ({ id: request.id, method: request.method, path: safePath(request.url) }),
                res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
              },
            },
            options.stream ?? process.stdout,
          ],
        }),
      ],
    };
  }
}
