import { RenderedEmail } from './email-view';
import { escapeHtml, singleLine, webLink } from './text-safety';

export interface Row {
  label: string;
  value: string;
}

export interface Link {
  label: string;
  url: string;
}

/**
 * One email as plain strings. Templates never write markup: the layout alone turns this into
 * HTML, so escaping happens in one place and cannot be forgotten by a template.
 */
export interface EmailContent {
  subject: string;
  heading: string;
  greeting: string | null;
  paragraphs: string[];
  details: Row[];
  contact: { heading: string; rows: Row[] } | null;
  action: Link;
  footer: { text: string; link: Link | null };
}

const STYLE = {
  body: 'margin:0;padding:24px;background-color:#f4f5f7;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;',
  card: 'max-width:560px;margin:0 auto;padding:24px;background-color:#ffffff;border-radius:6px;',
  h1: 'margin:0 0 16px;font-size:20px;',
  h2: 'margin:24px 0 8px;font-size:16px;',
  p: 'margin:0 0 12px;',
  table: 'border-collapse:collapse;margin:16px 0;',
  th: 'padding:4px 16px 4px 0;text-align:left;vertical-align:top;font-weight:bold;color:#52606d;',
  td: 'padding:4px 0;vertical-align:top;',
  button: 'display:inline-block;padding:10px 18px;background-color:#1f6feb;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;',
  footer: 'max-width:560px;margin:16px auto 0;font-size:12px;color:#7b8794;',
  footerLink: 'color:#7b8794;',
} as const;

/** Only the values pass through here; labels and markup are ours. */
function html(value: string): string {
  return escapeHtml(singleLine(value));
}

function htmlRows(rows: Row[]): string {
  const body = rows
    .map((row) => `<tr><th scope="row" style="${STYLE.th}">${html(row.label)}</th><td style="${STYLE.td}">${html(row.value)}</td></tr>`)
    .join('\n');
  return `<table style="${STYLE.table}"><tbody>\n${body}\n</tbody></table>`;
}

function htmlLink(link: Link, style: string): string {
  return `<a href="${escapeHtml(webLink(link.url))}" style="${style}">${html(link.label)}</a>`;
}

function renderHtml(content: EmailContent): string {
  const card = [
    `<h1 style="${STYLE.h1}">${html(content.heading)}</h1>`,
    ...(content.greeting === null ? [] : [`<p style="${STYLE.p}">${html(content.greeting)}</p>`]),
    ...content.paragraphs.map((paragraph) => `<p style="${STYLE.p}">${html(paragraph)}</p>`),
    ...(content.details.length > 0 ? [htmlRows(content.details)] : []),
    ...(content.contact === null
      ? []
      : [`<h2 style="${STYLE.h2}">${html(content.contact.heading)}</h2>`, htmlRows(content.contact.rows)]),
    `<p style="${STYLE.p}">${htmlLink(content.action, STYLE.button)}</p>`,
  ];
  const footer = content.footer.link === null
    ? html(content.footer.text)
    : `${html(content.footer.text)} ${htmlLink(content.footer.link, STYLE.footerLink)}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(content.subject)}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<div style="${STYLE.card}">`,
    ...card,
    '</div>',
    `<p style="${STYLE.footer}">${footer}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function textRows(rows: Row[]): string {
  return rows.map((row) => `${singleLine(row.label)}: ${singleLine(row.value)}`).join('\n');
}

function textLink(link: Link): string {
  return `${singleLine(link.label)}: ${webLink(link.url)}`;
}

function renderText(content: EmailContent): string {
  const blocks = [
    singleLine(content.heading),
    ...(content.greeting === null ? [] : [singleLine(content.greeting)]),
    ...content.paragraphs.map(singleLine),
    ...(content.details.length > 0 ? [textRows(content.details)] : []),
    ...(content.contact === null ? [] : [`${singleLine(content.contact.heading)}\n${textRows(content.contact.rows)}`]),
    textLink(content.action),
    ['--', singleLine(content.footer.text), ...(content.footer.link === null ? [] : [textLink(content.footer.link)])].join('\n'),
  ];
  return `${blocks.join('\n\n')}\n`;
}

export function layOut(content: EmailContent): RenderedEmail {
  return {
    subject: singleLine(content.subject),
    html: renderHtml(content),
    text: renderText(content),
  };
}
