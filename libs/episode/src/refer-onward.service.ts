import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@referloop/common';
import { APP_CONFIG, AppConfig, badInput, ErrorReason } from '@referloop/core';
import { InternalAction, ReferralEventType, ReferralPriority, ReferralStatus } from '@referloop/lifecycle';
import { assertOneTarget, dueAtFor, Inserted, NewReferrals, poolOf, ReferralLifecycle, ReferralRow } from '@referloop/referrals';
import { assessmentCarriedForward } from './carried-assessment';
import { ReferOnwardInput } from './refer-onward.input';
import { VisitRepository } from './visit.repository';

/** Referring the patient of an episode on to another provider: the treating provider's move. */
@Injectable()
export class ReferOnward {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lifecycle: ReferralLifecycle,
    private readonly created: NewReferrals,
    private readonly visits: VisitRepository,
  ) {}

  /**
   * A new referral, already SENT, from the treating provider (and their clinic) to another
   * provider, linked to the episode. It carries the episode's patient, conditions, red flags and
   * assessment (each movement as last measured, see assessmentCarriedForward), with the patient's
   * consent to share (confirmed for the new provider, or carried over from the episode). The
   * treating provider becomes its referrer, so the answer and the outcome come back to them.
   * The episode only gains a history entry. Returns the episode and the new referral.
   */
  async refer(actor: Actor, input: ReferOnwardInput): Promise<{ episode: ReferralRow; created: ReferralRow }> {
    if (input.consentToShare === false) {
      throw badInput('input.consentToShare', "Without the patient's consent to share it with the new provider, nothing is sent", ErrorReason.CONSENT_MISSING);
    }
    assertOneTarget(input, true);
    const provider = input.toProviderId ? await this.created.targetProvider(actor, input.toProviderId, input.modality, this.db.manager) : null;
    const command = { id: input.referralId, expectedVersion: input.expectedVersion };
    const { row, result } = await this.lifecycle.move<Inserted>(actor, command, InternalAction.REFER_ONWARD, async ({ row, now, manager }) => {
      const priority = input.priority ?? ReferralPriority.ROUTINE;
      const reason = input.reason.trim();
      const created = await this.created.insert(manager, actor, {
        status: ReferralStatus.SENT,
        priority,
        modality: input.modality,
        conditions: row.conditions,
        techniques: input.techniques ?? [],
        reason,
        assessment: assessmentCarriedForward(row.assessment, await this.visits.ofLocked(manager, row.id)),
        // Goals and a visit budget are the next provider's to set for their own care.
        goals: null,
        recommended_visits: null,
        visits_per_week: null,
        red_flags: row.red_flags,
        // Given (true) for this onward referral, or carried over from the episode, which was sent with it.
        consent_to_share: input.consentToShare ?? row.consent_to_share,
        patient_id: row.patient_id,
        referring_clinic_id: row.to_clinic_id as string,
        referring_user_id: actor.userId,
        referring_provider_id: actor.providerId,
        to_provider_id: provider?.id ?? null,
        to_clinic_id: provider?.clinicId ?? null,
        ...poolOf(input.toPool),
        idempotency_key: null,
        sent_at: now,
        due_at: dueAtFor(this.config, priority, now),
        redirected_from_id: null,
        onward_from_id: row.id,
        sent_by_user_id: actor.userId,
      }, now);
      return {
        changes: {},
        // No reason on the episode's entry: the episode's referrer sees its history but is not a
        // party to the onward referral, whose reason stays with it.
        event: { type: ReferralEventType.REFERRED_ONWARD, data: { onwardReferralId: created.row.id, modality: input.modality } },
        result: created,
      };
    });
    const created = result as Inserted;
    await this.created.committed(created);
    return { episode: row, created: created.row };
  }
}
