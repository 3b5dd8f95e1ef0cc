import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditTrail } from '@referloop/common';
import { APP_CONFIG, AppConfig, badInput, ErrorReason } from '@referloop/core';
import {
  AcceptReferralInput,
  CancelReferralInput,
  DeclineReferralInput,
  ProvideReferralInfoInput,
  ReferralCommandInput,
  RequestReferralInfoInput,
  ScheduleReferralInput,
} from './dto/transition.input';
import { DeclineReason, Party, ReferralAction, ReferralEventType, ReferralStatus } from '@referloop/lifecycle';
import { ReferralRepository } from './referral.repository';
import { ReferralLifecycle } from './referral-lifecycle.service';
import { ReferralRow } from './referral.row';
import { dueAtFor } from './response-clock';

/**
 * The moves of an existing referral, from sending to closing the loop. Each one states only
 * what it changes and how its history entry reads; ReferralLifecycle does the checking,
 * locking and recording.
 */
@Injectable()
export class ReferralTransitions {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lifecycle: ReferralLifecycle,
    private readonly referrals: ReferralRepository,
  ) {}

  async send(actor: Actor, input: ReferralCommandInput, audit: AuditTrail | null = null): Promise<ReferralRow> {
    const { row } = await this.lifecycle.move(actor, input, ReferralAction.SEND, ({ row, now }) => {
      if (!row.consent_to_share) {
        throw badInput('input.id', "The patient's consent to share is missing; set consentToShare with updateReferral first", ErrorReason.CONSENT_MISSING);
      }
      return {
        changes: { sent_at: now, due_at: dueAtFor(this.config, row.priority, now), sent_by_user_id: actor.userId, clock_seq: row.clock_seq + 1 },
        event: { type: ReferralEventType.SENT },
      };
    }, audit);
    return row;
  }

  async requestInfo(actor: Actor, input: RequestReferralInfoInput, audit: AuditTrail | null = null): Promise<ReferralRow> {
    const { row } = await this.lifecycle.move(actor, input, ReferralAction.REQUEST_INFO, ({ row, now }) => ({
      // The clock pauses: keep what was left of it, to resume with when the answer comes.
      changes: { clock_remaining_ms: row.due_at ? Math.max(0, row.due_at.getTime() - now.getTime()) : null, due_at: null },
      event: { type: ReferralEventType.INFO_REQUESTED, reason: input.question.trim() },
    }), audit);
    return row;
  }

  async provideInfo(actor: Actor, input: ProvideReferralInfoInput, audit: AuditTrail | null = null): Promise<ReferralRow> {
    const { row } = await this.lifecycle.move(actor, input, ReferralAction.PROVIDE_INFO, ({ row, now }) => ({
      changes: {
        due_at:
          row.clock_remaining_ms !== null
            ? new Date(now.getTime() + Number(row.clock_remaining_ms))
            : dueAtFor(this.config, row.priority, now),
        clock_remaining_ms: null,
        // The clock restarts: timers armed before the pause must not fire on the new deadline.
        clock_seq: row.clock_seq + 1,
      },
      event: { type: ReferralEventType.INFO_PROVIDED, reason: input.answer.trim() },
    }), audit);
    return row;
  }

  /** Accepting an open referral claims it: the candidate and their clinic become its receiver side. */
  async accept(actor: Actor, input: AcceptReferralInput, audit: AuditTrail | null = null): Promise<ReferralRow> {
    const { row } = await this.lifecycle.move(actor, input, ReferralAction.ACCEPT, ({ now, parties }) => {
      const claiming = parties.has(Party.POOL_CANDIDATE);
      return {
        changes: { responded_at: now, ...(claiming ? { to_provider_id: actor.providerId, to_clinic_id: actor.clinicId } : {}) },
        event: { type: ReferralEventType.ACCEPTED, reason: input.note?.trim() || null, data: claiming ? { claimedFromPool: true } : undefined },
      };
    }, audit);
    return row;
  }

  /**
   * Declines the referral; for a candidate of an open referral it is a pass, for them alone:
   * the referral stays open to the rest of the pool (`passed`; the provider never sees the full
   * referral, so the API answers null).
   */
  async decline(actor: Actor, input: DeclineReferralInput, audit: AuditTrail | null = null): Promise<{ row: ReferralRow; passed: boolean }> {
    const note = input.note?.trim() || null;
    if (input.reason === DeclineReason.OTHER && !note) throw badInput('input.note', 'note is required when the reason is OTHER');
    const { row, result } = await this.lifecycle.move<'passed'>(actor, input, ReferralAction.DECLINE, async ({ now, parties, row, manager }) => {
      if (parties.has(Party.POOL_CANDIDATE)) {
        await this.referrals.recordPass(manager, row.id, actor.providerId as string, input.reason, now);
        return {
          changes: {},
          event: { type: ReferralEventType.PASSED, reason: note ?? input.reason, data: { declineReason: input.reason } },
          result: 'passed',
        };
      }
      return {
        changes: { responded_at: now, decline_reason: input.reason, decline_note: note, clock_remaining_ms: null },
        event: { type: ReferralEventType.DECLINED, reason: note ?? input.reason, data: { declineReason: input.reason } },
      };
    }, audit);
    return { row, passed: result === 'passed' };
  }

  async cancel(actor: Actor, input: CancelReferralInput, audit: AuditTrail | null = null): Promise<ReferralRow> {
    const reason = input.reason?.trim() || null;
    const { row } = await this.lifecycle.move(actor, input, ReferralAction.CANCEL, ({ now, reasonRequired, row }) => {
      if (reasonRequired && !reason) {
        throw badInput('input.reason', `reason is required to cancel a referral that is ${row.status}`);
      }
      return {
        changes: { cancelled_at: now, cancel_reason: reason, clock_remaining_ms: null },
        event: { type: ReferralEventType.CANCELLED, reason },
      };
    }, audit);
    return row;
  }

  async schedule(actor: Actor, input: ScheduleReferralInput, audit: AuditTrail | null = null): Promise<ReferralRow> {
    if (input.appointmentAt.getTime() <= Date.now()) throw badInput('input.appointmentAt', 'appointmentAt must be in the future');
    const { row } = await this.lifecycle.move(actor, input, ReferralAction.SCHEDULE, ({ row }) => {
      const rescheduling = row.status === ReferralStatus.SCHEDULED;
      return {
        changes: { appointment_at: input.appointmentAt },
        event: {
          type: rescheduling ? ReferralEventType.RESCHEDULED : ReferralEventType.SCHEDULED,
          data: { appointmentAt: input.appointmentAt.toISOString(), previousAppointmentAt: row.appointment_at?.toISOString() ?? null },
        },
      };
    }, audit);
    return row;
  }

  async startTreatment(actor: Actor, input: ReferralCommandInput, audit: AuditTrail | null = null): Promise<ReferralRow> {
    const { row } = await this.lifecycle.move(actor, input, ReferralAction.START_TREATMENT, ({ now }) => ({
      changes: { treatment_started_at: now },
      event: { type: ReferralEventType.TREATMENT_STARTED },
    }), audit);
    return row;
  }

  async acknowledgeOutcome(actor: Actor, input: ReferralCommandInput, audit: AuditTrail | null = null): Promise<ReferralRow> {
    const { row } = await this.lifecycle.move(actor, input, ReferralAction.ACKNOWLEDGE_OUTCOME, ({ now }) => ({
      changes: { loop_closed_at: now },
      event: { type: ReferralEventType.OUTCOME_ACKNOWLEDGED },
    }), audit);
    return row;
  }
}
