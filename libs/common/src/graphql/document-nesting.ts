import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

/**
 * How deeply a document may nest braces, brackets and parentheses. GraphQL's parser recurses
 * once per level and overflows the stack at about two thousand; a real document, selections
 * (GRAPHQL_MAX_DEPTH, at most 50) and input objects together, stays far below this.
 */
export const MAX_DOCUMENT_NESTING = 200;

const OPENING = new Set<TokenKind>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<TokenKind>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * The error for a document nested deeper than MAX_DOCUMENT_NESTING, found before it reaches the
 * parser by reading its tokens with GraphQL's own lexer, which does not recurse; undefined for
 * any other document. Reading stops after `maxTokens` tokens: a larger document is the parser's
 * to refuse (its own token limit), as is one the lexer cannot read (a syntax error, which the
 * parser reports with its position).
 */
export function documentNestingError(query: string, maxTokens: number): GraphQLError | undefined {
  const lexer = new Lexer(new Source(query));
  let depth = 0;
  for (let read = 0; read < maxTokens; read += 1) {
    let kind: TokenKind;
    try {
      kind = lexer.advance().kind;
    } catch {
      return undefined;
    }
    if (kind === TokenKind.EOF) return undefined;
    if (OPENING.has(kind)) depth += 1;
    else if (CLOSING.has(kind)) depth -= 1;
    if (depth > MAX_DOCUMENT_NESTING) {
      return new GraphQLError(`The document is nested more than ${MAX_DOCUMENT_NESTING} levels deep; it is refused unread`, {
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      });
    }
  }
  return undefined;
}
