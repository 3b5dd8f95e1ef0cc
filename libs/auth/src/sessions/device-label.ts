import { UAParser } from 'ua-parser-js';

/**
 * What a person recognises a session by: "Chrome 131 on Windows", "Mobile Safari on iOS". Read
 * from the user agent the browser sent at sign-in; what cannot be told is said as unknown rather
 * than guessed.
 */
export function deviceLabel(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const { browser, os } = new UAParser(userAgent).getResult();
  const major = browser.version?.split('.')[0];
  const client = browser.name ? [browser.name, major].filter(Boolean).join(' ') : 'Unknown browser';
  return os.name ? `${client} on ${os.name}` : client;
}
