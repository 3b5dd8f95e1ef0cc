import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { fragmentsOf } from './operation-fragments';
import { coercedVariables } from './operation-variables';

/** What a check of a request's operation reads. */
export interface ResolvedOperation {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** The variables as execution will see them (see coercedVariables). */
  variables: Readonly<Record<string, unknown>>;
}

/**
 * An Apollo plugin that runs `check` on each request once its operation is resolved, before
 * anything runs; a GraphQLError it throws refuses the request (with `extensions.http` for its
 * status). Requests without an operation (Apollo answers them itself) and requests whose
 * variables do not coerce (execution refuses them before any resolver) are left alone.
 */
export function operationCheckPlugin(check: (resolved: ResolvedOperation) => void): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          const variables = coercedVariables(schema, operation, request);
          if (variables) check({ schema, operation, fragments: fragmentsOf(document), variables });
        },
      };
    },
  };
}
