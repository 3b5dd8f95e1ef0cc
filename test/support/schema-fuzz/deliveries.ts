/**
 * The ways the argument holding a hostile value reaches the server. Each takes a different
 * road through it, and a check on one road says nothing about the others:
 *   - variables: the value is sent as JSON beside the document and coerced to its type;
 *   - inline: written as a GraphQL literal in the field's arguments, parsed with the document
 *     and met by the scalars while graphql-js validates it;
 *   - variable default: written as the literal default of its variable's definition
 *     (`$input: T = { … }`) and no variables are sent, so the value is parsed and validated like
 *     an inline one yet reaches the resolver through variable coercion, where the default is
 *     filled in; it must be held to the same rules as a value that was sent.
 */
export const DELIVERIES = ['variables', 'inline', 'variable default'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** Whether the argument is written into the document as a literal (inline or as a default) rather than sent as JSON. */
export function isLiteral(delivery: Delivery): boolean {
  return delivery !== 'variables';
}

/** Where a case's value went, in failure messages and property names. */
const IN_WORDS: Readonly<Record<Delivery, string>> = {
  variables: 'sent in variables',
  inline: 'written inline',
  'variable default': "written as its variable's default, no variables sent",
};

export function deliveryInWords(delivery: Delivery): string {
  return IN_WORDS[delivery];
}
