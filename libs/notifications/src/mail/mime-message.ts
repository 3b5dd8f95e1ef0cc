import { randomBytes } from 'node:crypto';
import { encodeWords, foldLines } from 'nodemailer/lib/mime-funcs';
import { encode as encodeQuotedPrintable, wrap as wrapQuotedPrintable } from 'nodemailer/lib/qp';

/** An address the message can carry as it is: ASCII, no display name to encode. */
export interface PlainAddress {
  /** The header form: `Name <local@domain>` or `local@domain`. */
  header: string;
  address: string;
}

export interface MimeInput {
  from: PlainAddress;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** With its angle brackets. */
  messageId: string;
  headers: Record<string, string>;
  date?: Date;
}

/** An addr-spec in plain ASCII, as nearly every notification address is (RFC 5321 dot-atom@domain). */
const ASCII_ADDRESS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
/** A display name written without quoting or encoding: atoms of letters, digits, `'` and `-`. */
const PLAIN_NAME = /^[A-Za-z0-9'-]+( [A-Za-z0-9'-]+)*$/;
/** Printable ASCII and tabs only: a header value that needs no encoding and cannot break the header block. */
const PLAIN_HEADER_VALUE = /^[\x20-\x7e\t]*$/;
/** Text that may travel as 7bit once its line breaks are CRLF: ASCII without NUL or CR. */
// eslint-disable-next-line no-control-regex
const SEVEN_BIT = /^[\x01-\x0c\x0e-\x7f]*$/;
/** RFC 5322 §2.1.1: at most 998 characters before CRLF. */
const MAX_LINE = 998;
/** Headers this composer writes itself; a caller's header must not repeat one. */
const OWN_HEADERS = new Set(['from', 'to', 'subject', 'message-id', 'date', 'mime-version', 'content-type', 'content-transfer-encoding']);

/** `Name <address>` or `address` as a header can carry it unencoded; null when it needs encoding. */
export function plainAddress(mailbox: string): PlainAddress | null {
  const match = /^\s*(?:(.*?)\s*<([^<>\s]+)>|([^<>\s]+))\s*$/.exec(mailbox);
  if (!match) return null;
  const name = (match[1] ?? '').trim();
  const address = match[2] ?? match[3];
  if (!ASCII_ADDRESS.test(address) || (name !== '' && !PLAIN_NAME.test(name))) return null;
  return { header: name === '' ? address : `${name} <${address}>`, address };
}

/**
 * Whether `composeMime` can write this email; the rest (an address with non-ASCII characters,
 * an unusual header) goes through nodemailer's general composer.
 */
export function canComposeDirectly(input: Omit<MimeInput, 'from'>): boolean {
  if (!ASCII_ADDRESS.test(input.to) || !PLAIN_HEADER_VALUE.test(input.messageId)) return false;
  // A line break would end the Subject header (encodeWords leaves CR and LF as they are).
  if (/[\r\n]/.test(input.subject)) return false;
  for (const [name, value] of Object.entries(input.headers)) {
    if (!/^[A-Za-z0-9-]+$/.test(name) || OWN_HEADERS.has(name.toLowerCase()) || !PLAIN_HEADER_VALUE.test(value)) return false;
  }
  return true;
}

/** 7bit when the text allows it (no encoding work at all), quoted-printable otherwise. */
function encodeBody(content: string): { encoding: string; body: string } {
  const crlf = content.replace(/\r?\n/g, '\r\n');
  if (SEVEN_BIT.test(content) && !content.split('\n').some((line) => line.length > MAX_LINE)) {
    return { encoding: '7bit', body: crlf };
  }
  return { encoding: 'quoted-printable', body: wrapQuotedPrintable(encodeQuotedPrintable(crlf), 76) };
}

/** A boundary that occurs in neither body. */
function boundaryFor(parts: readonly string[]): string {
  for (;;) {
    const boundary = `--_rl_${randomBytes(12).toString('hex')}`;
    if (!parts.some((part) => part.includes(boundary))) return boundary;
  }
}

/**
 * The complete message, text and HTML as multipart/alternative, in one buffer: the same
 * structure nodemailer's composer writes for these fields, without building its tree of
 * streams for every email. Only for input `canComposeDirectly` accepted.
 */
export function composeMime(input: MimeInput): Buffer {
  const text = encodeBody(input.text);
  const html = encodeBody(input.html);
  const boundary = boundaryFor([text.body, html.body]);
  const date = (input.date ?? new Date()).toUTCString().replace(/GMT/, '+0000');
  const lines = [
    ...Object.entries(input.headers).map(([name, value]) => foldLines(`${name}: ${value}`, 76)),
    `From: ${input.from.header}`,
    `To: ${input.to}`,
    foldLines(`Subject: ${encodeWords(input.subject, 'Q', 52)}`, 76),
    `Message-ID: ${input.messageId}`,
    `Date: ${date}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative;\r\n boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    `Content-Transfer-Encoding: ${text.encoding}`,
    '',
    text.body,
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    `Content-Transfer-Encoding: ${html.encoding}`,
    '',
    html.body,
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
