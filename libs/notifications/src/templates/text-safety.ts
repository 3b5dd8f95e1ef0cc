/**
 * Values come from people (clinic and provider names, patients' first names), so every one is
 * made safe for where it lands: HTML-escaped in the HTML part, and kept to one line everywhere,
 * because a line break in a subject would let a value add mail headers.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe both in element text and inside double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/**
 * Control characters and the Unicode line and paragraph separators become one space: some mail
 * clients and libraries treat U+2028/U+2029/U+0085 as line breaks too.
 */
// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

export function singleLine(value: string): string {
  return value.replace(LINE_BREAKING, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Links are written into href attributes; only web links are expected, so anything else
 * (javascript:, data:) is a programming error rather than something to render.
 */
export function webLink(url: string): string {
  const link = singleLine(url);
  if (!/^https?:\/\//i.test(link)) {
    throw new Error(`Email link must be an http(s) URL, got "${link}"`);
  }
  return link;
}
