import { CONDITION_WORDS, Condition, Technique, TECHNIQUE_WORDS } from '@referloop/common';

/** Where the demo's lines go: the console for `npm run demo`, a list for the test. */
export type Print = (line: string) => void;

/** Fixed-width columns for the step lines, so a run reads as a table. */
export function columns(...cells: Array<[string, number]>): string {
  return cells.map(([text, width]) => text.padEnd(width)).join(' ').trimEnd();
}

/** A list in words: "a, b and c". */
export function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** SHOULDER_PAIN → shoulder pain. */
export const words = (code: string) => code.toLowerCase().replace(/_/g, ' ');

/** Techniques and conditions as the product words them in its match reasons. */
export const techniqueWords = (codes: readonly string[]) => inWords(codes.map((code) => TECHNIQUE_WORDS[code as Technique] ?? words(code)));
export const conditionWords = (codes: readonly string[]) => inWords(codes.map((code) => CONDITION_WORDS[code as Condition] ?? words(code)));

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
