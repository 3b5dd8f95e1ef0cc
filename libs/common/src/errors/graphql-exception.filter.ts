import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';

/**
 * The one place resolver errors become GraphQL errors. A DomainError keeps its message and
 * code (`extensions.code`, plus `field` for bad input); anything else is logged here with its
 * stack and reaches the client only as "Internal server error", so no stack trace, SQL or row
 * data ever leaves the process. Errors of plain HTTP routes (health, patient pages) get Nest's
 * own handling, which answers an HttpException with its status and body.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') return super.catch(exception, host);
    if (exception instanceof DomainError) {
      return new GraphQLError(exception.message, { extensions: { ...exception.extensions, code: exception.code } });
    }
    if (exception instanceof GraphQLError) return exception;
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return new GraphQLError('Internal server error', { extensions: { code: ErrorCode.INTERNAL } });
  }
}
