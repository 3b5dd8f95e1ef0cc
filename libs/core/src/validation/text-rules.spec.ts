import { MAX_TEXT_LENGTH, textProblem } from './text-rules';

describe('textProblem', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a C0 control', 'bell\u0007'],
    ['vertical tab', 'a\u000bb'],
    ['escape', '\u001b[31mred'],
    ['DEL', 'a\u007f'],
    ['a C1 control', 'a\u0085b'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone high surrogate at the end', 'a\ud800'],
    ['a lone low surrogate', '\udc00'],
    ['two high surrogates', '\ud800\ud800\udc00'],
    ['a value over the limit', 'x'.repeat(MAX_TEXT_LENGTH + 1)],
  ])('refuses %s', (_what, value) => {
    expect(textProblem(value)).toEqual(expect.any(String));
  });

  it.each([
    ['plain text', 'Neck pain after a fall'],
    ['tab, line feed and carriage return', 'line one\r\n\tline two'],
    ['right-to-left text and marks', 'שלום \u200f(עברית)\u202e'],
    ['emoji (a surrogate pair)', 'Feeling better 😀👍🏽'],
    ['combining marks', 'Zoe\u0308'],
    ['the empty string', ''],
    ['a value at the limit', 'x'.repeat(MAX_TEXT_LENGTH)],
  ])('accepts %s', (_what, value) => {
    expect(textProblem(value)).toBeUndefined();
  });
});
