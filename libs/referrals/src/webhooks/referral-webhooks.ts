import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { clinicsThatSee, ReferralEventType } from '@referloop/lifecycle';
import { REFERRAL_EVENT_NAMES, WebhookOutbox } from '@referloop/notifications';
import { rowParticipants } from '../referral-participants';
import { ReferralRow } from '../referral.row';

/**
 * A referral's webhook events, written in the transaction of the change: for each history entry
 * that has an event name, one event about the referral as it now is (its reference, status and
 * version; nothing about the patient), to the endpoints of the clinics that may see it.
 */
@Injectable()
export class ReferralWebhooks {
  constructor(private readonly outbox: WebhookOutbox) {}

  /** The deliveries written, to be queued once committed. */
  async record(manager: EntityManager, row: ReferralRow, types: readonly ReferralEventType[], at: Date): Promise<string[]> {
    const deliveryIds: string[] = [];
    for (const type of types) {
      const name = REFERRAL_EVENT_NAMES[type];
      if (name === null) continue;
      const data = { referralId: row.id, reference: row.reference, status: row.status, version: row.version };
      // Its writing is the referrer's news alone; a receiver first hears of it as sent.
      const clinics = type === ReferralEventType.CREATED ? [row.referring_clinic_id] : clinicsThatSee(rowParticipants(row));
      deliveryIds.push(...(await this.outbox.record(manager, clinics, { type: name, referralId: row.id, data, at })));
    }
    return deliveryIds;
  }
}
