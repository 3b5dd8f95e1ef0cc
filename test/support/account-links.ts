import type { ReceivedEmail } from './smtp-sink';
import type { SmtpSink } from './smtp-sink';

/** The web app's page each kind of account link opens. */
export type AccountLinkPage = 'welcome' | 'reset-password';

/** The token in an account email's link: what follows `#` on the page's address, in the text part. */
export function linkTokenIn(mail: ReceivedEmail, page: AccountLinkPage): string {
  const match = new RegExp(`/${page}#([A-Za-z0-9._-]+)`).exec(mail.text);
  if (!match) throw new Error(`No /${page}# link in the email "${mail.subject}" to ${mail.to.join(', ')}`);
  return match[1];
}

/** Waits for the `count`-th email to `address` (1 = the first), and returns it. */
export async function nthEmailTo(smtp: SmtpSink, address: string, count: number): Promise<ReceivedEmail> {
  const to = (all: ReceivedEmail[]) => all.filter((mail) => mail.to.some((recipient) => recipient.toLowerCase() === address.toLowerCase()));
  await smtp.waitFor((all) => to(all).length >= count, undefined, `email ${count} to ${address}`);
  return to(smtp.received)[count - 1];
}
