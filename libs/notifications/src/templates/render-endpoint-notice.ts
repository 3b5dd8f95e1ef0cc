import { EmailContent, layOut } from './email-layout';
import { RenderedEmail } from './email-view';
import { formatInZone } from './format-in-zone';
import { singleLine } from './text-safety';

/** What the email to a clinic's admins about a disabled webhook endpoint shows. */
export interface EndpointNoticeView {
  displayName: string | null;
  clinic: { name: string; timeZone: string };
  url: string;
  description: string;
  failingSince: Date;
  /** Where the admins read and re-enable it. */
  appUrl: string;
}

/**
 * The one notice so far: an endpoint failed every attempt for days and was turned off. It names
 * the endpoint and since when it failed, and says what to do; it carries no event and no patient.
 */
export function renderEndpointNotice(view: EndpointNoticeView): RenderedEmail {
  const endpoint = view.description ? `${singleLine(view.description)} (${singleLine(view.url)})` : singleLine(view.url);
  const content: EmailContent = {
    subject: `A webhook endpoint of ${singleLine(view.clinic.name)} was turned off`,
    heading: 'A webhook endpoint was turned off',
    greeting: view.displayName ? `Hello ${singleLine(view.displayName)},` : 'Hello,',
    paragraphs: [
      `ReferLoop could not deliver events to ${endpoint}: every attempt has failed since ${formatInZone(view.failingSince, view.clinic.timeZone)}. It has been turned off, so your system no longer hears of referral changes through it.`,
      'Once the receiving system answers again, enable the endpoint and send the events whose delivery failed again (recoverWebhookEndpoint, from the time it started failing). Changes made while it is turned off are not sent to it: catch up on those through the API (for example FHIR searches by _lastUpdated). Its list of attempts says what the receiver answered.',
    ],
    details: [],
    contact: null,
    action: { label: 'Open ReferLoop', url: view.appUrl },
    footer: { text: `You receive this email as an admin of ${singleLine(view.clinic.name)} on ReferLoop.`, link: { label: 'ReferLoop', url: view.appUrl } },
  };
  return layOut(content);
}
