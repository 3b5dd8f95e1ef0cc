import { parse } from 'graphql';
import { documentNestingError, MAX_DOCUMENT_NESTING } from './document-nesting';

const nested = (depth: number) => `{${'a{'.repeat(depth - 1)}b${'}'.repeat(depth)}`;

describe('documentNestingError', () => {
  it('lets a document at the limit through, braces, brackets and parentheses counted together', () => {
    expect(documentNestingError(nested(MAX_DOCUMENT_NESTING), 100_000)).toBeUndefined();
    expect(documentNestingError('{ a(input: { list: [[{ b: "}}}}" }]] }) { c } }', 100)).toBeUndefined();
  });

  it('refuses a document nested one level deeper, and one nested thousands deep, without recursing', () => {
    for (const depth of [MAX_DOCUMENT_NESTING + 1, 50_000]) {
      expect(documentNestingError(nested(depth), 1_000_000)).toEqual(
        expect.objectContaining({ message: expect.stringContaining('nested more than'), extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
      );
    }
  });

  it('leaves documents it cannot read, and what lies past the token limit, to the parser', () => {
    expect(documentNestingError('{ a(b: "unterminated', 100)).toBeUndefined();
    expect(documentNestingError(nested(1000), 10)).toBeUndefined();
    expect(() => parse(nested(1000), { maxTokens: 10 })).toThrow(/10 tokens/);
  });
});
