import { Logger } from '@nestjs/common';

const logger = new Logger('GraphQL');

/**
 * The log line of an error nobody expected (a bug, a database failure): its stack, once. A
 * failure reaches this from exactly one place — formatGraphqlError for everything Apollo
 * answers, GraphqlExceptionFilter for a request to the endpoint that failed before Apollo saw it
 * — so it is one line however many layers it crossed. What the client sees is decided there.
 */
export function logUnexpectedError(error: unknown): void {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
