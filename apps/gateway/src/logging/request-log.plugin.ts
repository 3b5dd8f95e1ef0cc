import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { PinoLogger } from 'nestjs-pino';
import { RequestContext } from '@referloop/common';
import { Metrics } from '@referloop/metrics';

/**
 * Adds the GraphQL side of a request to its one log line: the operation name (bounded as for
 * metrics), the user once the token was verified, and the result code (OK, or the first
 * error's code). Never the query text or its variables: they carry names, notes and passwords.
 */
@Plugin()
export class RequestLogPlugin implements ApolloServerPlugin<RequestContext> {
  constructor(
    private readonly logger: PinoLogger,
    private readonly metrics: Metrics,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    return {
      willSendResponse: async ({ request, operationName, errors, contextValue }) => {
        const code = errors?.[0]?.extensions?.code;
        this.logger.assign({
          operation: this.metrics.operationLabel(operationName ?? request.operationName),
          userId: contextValue.actor?.userId ?? null,
          result: errors && errors.length > 0 ? (typeof code === 'string' ? code : 'INTERNAL') : 'OK',
        });
      },
    };
  }
}
