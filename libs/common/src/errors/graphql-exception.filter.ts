import { ArgumentsHost, Catch, HttpException, HttpStatus } from '@nestjs/common';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { ErrorCode } from '@referloop/core';
import { GRAPHQL_PATH } from '../graphql/graphql-path';
import { graphqlErrorBody } from '@referloop/core';
import { logUnexpectedError } from '@referloop/core';

/**
 * Resolver errors pass through here untouched, to be mapped and (when unexpected) logged by
 * formatGraphqlError, the one place that sees every GraphQL error: field resolvers run without
 * Nest's filters, so a filter could never be that place, and mapping or logging here as well
 * logged one failure twice. The filter still has to catch them: with no filter of its own, Nest
 * logs every error a resolver throws, refusals included.
 *
 * A request to the GraphQL endpoint that fails before Apollo sees it (a body that is not JSON,
 * too large, of a type it cannot read) never reaches the formatter, so it is answered here, in
 * the same shape as every GraphQL error, with its HTTP status; only a server fault (5xx) is
 * logged. Errors of plain HTTP routes (health, patient pages) get Nest's own handling, which
 * answers an HttpException with its status and body.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') {
      const request = host.switchToHttp().getRequest<{ url?: string } | undefined>();
      if (request?.url?.split('?')[0] !== GRAPHQL_PATH) return super.catch(exception, host);
      return this.answerAsGraphql(exception, host);
    }
    // graphql-js raises an Error a resolver returns as that resolver's error; any other thrown
    // value would be taken for the resolver's result, so it is wrapped.
    return exception instanceof Error ? exception : new Error(`Non-error thrown: ${String(exception)}`);
  }

  private answerAsGraphql(exception: unknown, host: ArgumentsHost): void {
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    const body =
      status < 500 && exception instanceof HttpException
        ? graphqlErrorBody(exception.message, ApolloServerErrorCode.BAD_REQUEST)
        : graphqlErrorBody('Internal server error', ErrorCode.INTERNAL);
    if (status >= 500) logUnexpectedError(exception);
    const adapter = this.applicationRef ?? this.httpAdapterHost?.httpAdapter;
    if (adapter && !adapter.isHeadersSent(host.getArgByIndex(1))) adapter.reply(host.getArgByIndex(1), body, status);
  }
}
