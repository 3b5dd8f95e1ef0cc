import { escapeHtml } from '../templates/text-safety';
import { modalityInWords, statusInWords } from '../templates/words';
import { StatusPageData } from './patient-link.service';

/** Small self-contained pages for patients' links: no scripts, no external resources. */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1f2933;line-height:1.5}
h1{font-size:1.4rem}.box{border:1px solid #d9e2ec;border-radius:.5rem;padding:1rem;margin:1rem 0}button{font-size:1rem;padding:.5rem 1rem}</style>
</head><body>${body}</body></html>`;
}

export function statusPageHtml(data: StatusPageData): string {
  const { clinic } = data;
  const contact = [clinic.phone, clinic.email].filter(Boolean).map((value) => escapeHtml(value as string)).join(' · ');
  return page(
    'Your referral',
    `<h1>Where your referral stands</h1>
<div class="box"><p><strong>${escapeHtml(modalityInWords(data.modality))}</strong> with ${escapeHtml(data.providerName)}</p>
<p>Status: <strong>${escapeHtml(statusInWords(data.referralStatus))}</strong></p></div>
<div class="box"><p><strong>${escapeHtml(clinic.name)}</strong><br>${escapeHtml(clinic.addressLine)}, ${escapeHtml(clinic.city)}<br>${contact}</p></div>`,
  );
}

export function unsubscribeConfirmHtml(token: string): string {
  return page(
    'Stop status emails',
    `<h1>Stop emails about your referrals?</h1>
<p>You will no longer receive status emails from ReferLoop about any of your referrals. Your clinic can still reach you directly.</p>
<form method="post" action="/unsubscribe/${escapeHtml(token)}"><button type="submit">Stop these emails</button></form>`,
  );
}

export function unsubscribedHtml(): string {
  return page('Unsubscribed', '<h1>You will not receive further status emails</h1><p>If this was a mistake, ask your clinic to turn them back on.</p>');
}

export function notFoundHtml(): string {
  return page('Not found', '<h1>Page not found</h1><p>This link is not valid or has expired.</p>');
}
