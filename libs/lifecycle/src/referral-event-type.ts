import { registerEnumType } from '@nestjs/graphql';

export enum ReferralEventType {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  SENT = 'SENT',
  INFO_REQUESTED = 'INFO_REQUESTED',
  INFO_PROVIDED = 'INFO_PROVIDED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  /** A provider passed on an open referral; it stays open to the rest of the pool. */
  PASSED = 'PASSED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  SCHEDULED = 'SCHEDULED',
  RESCHEDULED = 'RESCHEDULED',
  TREATMENT_STARTED = 'TREATMENT_STARTED',
  /** A version of the treatment plan was set; the status does not change. */
  TREATMENT_PLAN_SET = 'TREATMENT_PLAN_SET',
  /** An attended visit after the first (the first is TREATMENT_STARTED). */
  VISIT_RECORDED = 'VISIT_RECORDED',
  /** The patient missed a visit. */
  NO_SHOW = 'NO_SHOW',
  /** The treating provider sent the referrer a progress report on demand (automatic ones ride on their visit's entry). */
  PROGRESS_REPORTED = 'PROGRESS_REPORTED',
  COMPLETED = 'COMPLETED',
  /** The referrer was reminded of an outcome still waiting for their acknowledgement. */
  OUTCOME_REMINDED = 'OUTCOME_REMINDED',
  /** The treating provider referred the patient on to another provider (data: the new referral). */
  REFERRED_ONWARD = 'REFERRED_ONWARD',
  OUTCOME_ACKNOWLEDGED = 'OUTCOME_ACKNOWLEDGED',
  REDIRECTED = 'REDIRECTED',
}

registerEnumType(ReferralEventType, { name: 'ReferralEventType' });
