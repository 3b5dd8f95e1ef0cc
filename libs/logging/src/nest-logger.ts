import { Inject, Injectable, LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { currentRequestLog } from './request-log';

/** The root pino logger of the process (LoggingModule provides it). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Nest's own error handlers pass a stack as a second string: `error(message, stack, context)`. */
const STACK_LINE = /\n\s*at /;

/**
 * Nest's logger interface onto pino: `new Logger('Context').warn(text)` anywhere in the apps
 * becomes one JSON line with `context` and `msg`; an Error (or Nest's message-and-stack form)
 * becomes `err` with its stack. Written through the current request's logger when there is one,
 * so the line carries that request's id.
 */
@Injectable()
export class PinoNestLogger implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly root: Logger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const logger = currentRequestLog()?.logger ?? this.root;
    if (!logger.isLevelEnabled(level)) return;
    // Nest appends the logger's context as the last parameter.
    const context = params.length > 0 ? params[params.length - 1] : undefined;
    const rest = params.slice(0, -1);
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (message instanceof Error) {
      logger[level]({ ...fields, err: message });
    } else if (typeof message === 'object' && message !== null) {
      logger[level]({ ...fields, ...message });
    } else if (level === 'error' && rest.length === 1 && typeof rest[0] === 'string' && STACK_LINE.test(rest[0])) {
      const err = new Error(String(message));
      err.stack = rest[0];
      logger[level]({ ...fields, err });
    } else {
      logger[level](fields, String(message), ...rest);
    }
  }
}
