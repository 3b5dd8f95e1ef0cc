import { ApolloServerPlugin } from '@apollo/server';
import { ASTNode, ASTVisitor, GraphQLError, ValidationContext, ValidationRule, ValueNode } from 'graphql';
import { badInput, ErrorCode } from '@referloop/core';
import { textProblem } from '@referloop/core';
import { ArgumentPath, forEachLiteralString, forEachVariableString } from './argument-strings';
import { operationCheckPlugin } from './operation-check.plugin';

/**
 * Every string a request passes to any field is held to the text rules before anything runs.
 * Checking where all arguments of all operations pass, rather than field by field, means no
 * input (a login email, a search term, a note, an id) can reach PostgreSQL, a template or a
 * validator with text they would fail on. Two halves, because they are known at different
 * times: strings written in the document during validation, and strings in variables once the
 * operation is resolved. Either way the first bad string is refused as bad input naming its
 * field, with HTTP 400.
 */

/** The first string that breaks the text rules, as the error that refuses it. */
function firstTextProblem(walk: (visit: (path: ArgumentPath, value: string) => void) => void): { field: string; message: string } | undefined {
  let found: { field: string; message: string } | undefined;
  walk((path, value) => {
    const problem = found ? undefined : textProblem(value);
    if (problem) found = { field: path.join('.'), message: `${path.join('.')} ${problem}` };
  });
  return found;
}

/**
 * Strings written in the document: in an argument (the path starts with its name), or in a
 * variable's default (the path starts with the variable's name, as graphql-js names variables in
 * its own errors). Reported on entering the argument or the variable definition, so before the
 * value's own scalar (a DateTime, say) refuses the same text less helpfully. Apollo reports
 * validation errors as GRAPHQL_VALIDATION_FAILED; carrying the domain error as the original
 * lets the error formatter answer it as the bad input it is.
 */
export const argumentTextRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
  const check = (node: ASTNode, value: ValueNode, root: string) => {
    const refused = firstTextProblem((visit) => forEachLiteralString(value, [root], visit));
    if (refused) context.reportError(new GraphQLError(refused.message, { nodes: [node], originalError: badInput(refused.field, refused.message) }));
  };
  return {
    Argument: (node) => check(node, node.value, node.name.value),
    VariableDefinition: (node) => {
      if (node.defaultValue) check(node, node.defaultValue, node.variable.name.value);
    },
  };
};

/** Strings passed in variables (or their defaults), followed to the argument that uses them. */
export function argumentTextPlugin(): ApolloServerPlugin {
  return operationCheckPlugin(({ operation, fragments, variables }) => {
    const refused = firstTextProblem((visit) => forEachVariableString(operation, fragments, variables, visit));
    if (refused) {
      throw new GraphQLError(refused.message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field: refused.field, http: { status: 400 } } });
    }
  });
}
