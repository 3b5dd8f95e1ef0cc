import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode, ErrorReason } from '@referloop/core';
import { measureOperation, QueryCosts } from './operation-measure';
import { operationCheckPlugin } from './operation-check.plugin';

export interface RequestBudget {
  /** List items one request may ask for, summed over every list, search and alias (GRAPHQL_MAX_ITEMS). */
  maxItems: number;
  /** The most one request may cost (GRAPHQL_MAX_COST). */
  maxCost: number;
  costs: QueryCosts;
}

/**
 * Each list takes at most 100 items and each field is cheap on its own, but aliases could ask
 * for the same list, or the same statistics, hundreds of times in one request. This measures
 * the operation (variables resolved) and refuses it before anything runs when it asks for more
 * list items, or would cost more, than one request may.
 */
export function requestBudgetPlugin(budget: RequestBudget): ApolloServerPlugin {
  return operationCheckPlugin(({ schema, operation, fragments, variables }) => {
    const { items, cost } = measureOperation(schema, operation, fragments, variables, budget.costs);
    // `http` sets the status of a refused request (Apollo removes it from the body).
    if (items > budget.maxItems) {
      throw new GraphQLError(`This request asks for ${items} list items; at most ${budget.maxItems} per request`, {
        extensions: { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.ITEMS_OVER_LIMIT, field: 'first', http: { status: 400 } },
      });
    }
    if (cost > budget.maxCost) {
      throw new GraphQLError(`This request would cost ${cost}; at most ${budget.maxCost} per request. Ask for fewer items, aliases or statistics at once`, {
        extensions: { code: ErrorCode.QUERY_TOO_EXPENSIVE, reason: ErrorReason.COST_OVER_LIMIT, cost, maxCost: budget.maxCost, http: { status: 400 } },
      });
    }
  });
}
