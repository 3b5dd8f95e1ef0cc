import { UAParser } from 'ua-parser-js';

/** The leading `product/version` of a user agent that names no browser: an API client's. */
const PRODUCT = /^([A-Za-z][\w.-]{0,40})\/(\d+(?:\.\d+)?)/;

/**
 * What a person recognises a session by: "Chrome 131 on Windows", "Mobile Safari on iOS", or for
 * an API client its own name ("curl 8.5", "python-requests 2.32"). Read from the user agent sent
 * at sign-in; what cannot be told is said as unknown rather than guessed.
 */
export function deviceLabel(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const { browser, os } = new UAParser(userAgent).getResult();
  const major = browser.version?.split('.')[0];
  const product = PRODUCT.exec(userAgent);
  const client = browser.name ? [browser.name, major].filter(Boolean).join(' ') : product ? `${product[1]} ${product[2]}` : 'Unknown browser';
  return os.name ? `${client} on ${os.name}` : client;
}
