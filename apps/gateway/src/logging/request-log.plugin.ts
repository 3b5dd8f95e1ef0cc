import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { TokenService } from '@referloop/auth';
import { RequestContext } from '@referloop/common';
import { currentRequestLog } from '@referloop/logging';
import { Metrics } from '@referloop/metrics';
import { answeredErrors } from '../graphql/answered-errors';
import { operationNameOf } from '../graphql/operation-name';

/**
 * Adds the GraphQL side of a request to its one log line: the operation name (bounded as for
 * metrics), the user, and the result code (OK, or the first error's code). The user is the one
 * the auth guard found, or — for a request refused before any resolver ran — the one its valid
 * token names. Never the query text or its variables: they carry names, notes and passwords.
 */
@Plugin()
export class RequestLogPlugin implements ApolloServerPlugin<RequestContext> {
  constructor(
    private readonly metrics: Metrics,
    private readonly tokens: TokenService,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    return {
      willSendResponse: async (context) => {
        const { contextValue } = context;
        const errors = answeredErrors(context.response);
        const code = errors[0]?.extensions?.code;
        currentRequestLog()?.add({
          operation: this.metrics.operationLabel(operationNameOf(context)),
          userId: contextValue.actor?.userId ?? this.tokens.bearerClaims(contextValue.authorization)?.userId ?? null,
          result: errors.length > 0 ? (typeof code === 'string' ? code : 'INTERNAL') : 'OK',
        });
      },
    };
  }
}
