import { DynamicModule, Global, Module } from '@nestjs/common';
import pino, { type DestinationStream } from 'pino';
import type { AppConfig } from '@referloop/core';
import { PinoNestLogger, ROOT_LOGGER } from './nest-logger';

const PINO_LEVEL: Record<AppConfig['logLevel'], string> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };

export interface LoggingOptions {
  /** Where the JSON lines go; standard output when omitted (tests pass a stream to read them). */
  stream?: DestinationStream;
}

/**
 * Structured JSON logs through pino: the process's root logger (ROOT_LOGGER) and Nest's logger
 * onto it (PinoNestLogger, which the apps install with `useLogger`). The gateway adds one line
 * per HTTP request (logEveryRequest); what such a line may hold is decided there, by allow-list.
 */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, options: LoggingOptions = {}): DynamicModule {
    const root = pino({ level: PINO_LEVEL[config.logLevel] }, options.stream ?? process.stdout);
    return {
      module: LoggingModule,
      providers: [{ provide: ROOT_LOGGER, useValue: root }, PinoNestLogger],
      exports: [ROOT_LOGGER, PinoNestLogger],
    };
  }
}
