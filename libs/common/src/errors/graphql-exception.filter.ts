import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { GRAPHQL_PATH } from '../graphql/graphql-path';
import { graphqlErrorBody } from './graphql-error-body';

/**
 * The one place resolver errors become GraphQL errors. A DomainError keeps its message and
 * code (`extensions.code`, plus `field` for bad input); anything else is logged here with its
 * stack and reaches the client only as "Internal server error", so no stack trace, SQL or row
 * data ever leaves the process. A request to the GraphQL endpoint that fails before Apollo sees
 * it (a body that is not JSON, too large, of a type it cannot read) is answered in the same shape
 * as every GraphQL error, with its HTTP status. Errors of plain HTTP routes (health, patient
 * pages) get Nest's own handling, which answers an HttpException with its status and body.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') {
      const request = host.switchToHttp().getRequest<{ url?: string } | undefined>();
      if (request?.url?.split('?')[0] !== GRAPHQL_PATH) return super.catch(exception, host);
      return this.answerAsGraphql(exception, host);
    }
    if (exception instanceof DomainError) {
      return new GraphQLError(exception.message, { extensions: { ...exception.extensions, code: exception.code } });
    }
    if (exception instanceof GraphQLError) return exception;
    this.logUnexpected(exception);
    return new GraphQLError('Internal server error', { extensions: { code: ErrorCode.INTERNAL } });
  }

  private answerAsGraphql(exception: unknown, host: ArgumentsHost): void {
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    const body =
      status < 500 && exception instanceof HttpException
        ? graphqlErrorBody(exception.message, ApolloServerErrorCode.BAD_REQUEST)
        : graphqlErrorBody('Internal server error', ErrorCode.INTERNAL);
    if (status >= 500) this.logUnexpected(exception);
    const adapter = this.applicationRef ?? this.httpAdapterHost?.httpAdapter;
    if (adapter && !adapter.isHeadersSent(host.getArgByIndex(1))) adapter.reply(host.getArgByIndex(1), body, status);
  }

  private logUnexpected(exception: unknown): void {
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  }
}
