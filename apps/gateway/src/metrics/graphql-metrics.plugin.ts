import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Metrics } from '@referloop/metrics';
import { answeredErrors } from '../graphql/answered-errors';
import { operationNameOf } from '../graphql/operation-name';

/**
 * Times every GraphQL request by operation name and counts the errors it answered with, by
 * code. Runs for requests refused before execution too (bad syntax, over the depth or item
 * budget), which is when an operator most wants to see them.
 */
@Plugin()
export class GraphqlMetricsPlugin implements ApolloServerPlugin {
  constructor(private readonly metrics: Metrics) {}

  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    const started = process.hrtime.bigint();
    return {
      willSendResponse: async (context) => {
        const errors = answeredErrors(context.response);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const operation = this.metrics.operationLabel(operationNameOf(context));
        this.metrics.graphqlRequestDuration.observe({ operation, result: errors.length > 0 ? 'error' : 'ok' }, seconds);
        for (const error of errors) {
          const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL';
          this.metrics.graphqlErrors.inc({ code });
        }
      },
    };
  }
}
