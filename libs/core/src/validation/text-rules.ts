/**
 * What any text a client sends may hold, whatever the field. PostgreSQL refuses NUL in text
 * and JSON; a lone UTF-16 surrogate is not a character at all (JSON columns and URI-based
 * checks such as email validation throw on it); the other control characters, bar tab, line
 * feed and carriage return, have no place in a name, a note or an address and would end up in
 * emails and logs. No field takes more than MAX_TEXT_LENGTH characters, so a value larger than
 * any field's own limit never reaches an index or a template.
 */
export const MAX_TEXT_LENGTH = 10_000;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `value` cannot be accepted as text, or undefined when it can. */
export function textProblem(value: string): string | undefined {
  if (value.length > MAX_TEXT_LENGTH) return `is longer than ${MAX_TEXT_LENGTH} characters`;
  if (CONTROL.test(value)) return 'holds a control character';
  if (LONE_SURROGATE.test(value)) return 'is not valid Unicode (a lone surrogate)';
  return undefined;
}
