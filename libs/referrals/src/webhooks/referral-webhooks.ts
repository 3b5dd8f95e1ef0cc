import { clinicsThatSeeSql, ReferralEventType } from '@referloop/lifecycle';
import { REFERRAL_EVENT_NAMES, WebhookCtes, webhookCtes } from '@referloop/notifications';

/**
 * The body of a referral's event, from the row `r` as the change left it: its id, reference,
 * status and version, nothing about the patient. Built by the statement that makes the change,
 * as compact JSON (what JSON.stringify writes), and fixed from then on.
 */
const bodySql = (type: string, timestamp: string) =>
  `format('{"type":%s,"timestamp":%s,"data":{"referralId":%s,"reference":%s,"status":%s,"version":%s}}',
          to_json(${type}::text), to_json(${timestamp}::text), to_json(r.id), to_json(r.reference), to_json(r.status), r.version)`;

/**
 * A referral's webhook events as CTEs of the statement that changes it (`source`: a CTE holding
 * the referral as changed): for each history entry that has an event name, one event to the
 * endpoints of the clinics that may see it. Its writing is the referrer's news alone; a receiver
 * first hears of it as sent.
 */
export function referralWebhookCtes(source: string, types: readonly ReferralEventType[], at: Date, param: (value: unknown) => string): WebhookCtes {
  const events = types.flatMap((type) => {
    const name = REFERRAL_EVENT_NAMES[type];
    if (name === null) return [];
    return [{
      type: name,
      clinicIds: type === ReferralEventType.CREATED ? 'ARRAY[r.referring_clinic_id]' : clinicsThatSeeSql('r'),
      referralId: 'r.id',
      body: bodySql(param(name), param(at.toISOString())),
      at,
    }];
  });
  return webhookCtes(source, events, param);
}
