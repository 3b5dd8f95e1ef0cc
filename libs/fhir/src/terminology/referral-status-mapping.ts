import { ReferralStatus as S } from '@referloop/lifecycle';
import type { Coding } from '../model/fhir-types';
import { BSER_VERSION, REFERLOOP, STANDARD } from './systems';
import type { CarePlanActivityStatus, GoalLifecycleStatus, RequestStatus, TaskStatus } from './value-sets';

/** What one status of the referral lifecycle is in each FHIR resource that shows it. */
export interface StatusInFhir {
  serviceRequest: RequestStatus;
  task: TaskStatus;
  /** BSeR's business status (STU1), where BSeR has one; the referral's own status is always coded beside it. */
  bser: { code: string; display: string } | null;
  /** The treatment plan, the goals and the plan's activities. Only episodes from acceptance on have a plan; the others are set for completeness. */
  carePlan: RequestStatus;
  carePlanActivity: CarePlanActivityStatus;
  goal: GoalLifecycleStatus;
}

const bser = (code: string, display: string) => ({ code, display });

/**
 * The referral lifecycle in FHIR, in one table: every status a mapper writes, and every status
 * search, is derived from it. Keyed by ReferralStatus, so a new status does not compile until
 * it has a row. Where BSeR has no code (a referral put on hold for information, a scheduled
 * first visit, a draft, an expired one), the referral's own status code says it alone.
 *
 * Choices the issue left open: an expired referral's Task has `failed` (nobody answered; the
 * request was never refused nor withdrawn); declined, expired and cancelled referrals are
 * `revoked` requests (each ends the request short of completion; a redirect is a new
 * ServiceRequest that `replaces` it); a scheduled referral's Task stays `accepted` until the
 * first visit starts it.
 */
export const STATUS_IN_FHIR: Readonly<Record<S, StatusInFhir>> = {
  [S.DRAFT]: { serviceRequest: 'draft', task: 'draft', bser: null, carePlan: 'draft', carePlanActivity: 'not-started', goal: 'proposed' },
  [S.SENT]: { serviceRequest: 'active', task: 'requested', bser: bser('2.0', 'Service Request Created'), carePlan: 'draft', carePlanActivity: 'not-started', goal: 'proposed' },
  [S.ON_HOLD]: { serviceRequest: 'on-hold', task: 'on-hold', bser: null, carePlan: 'draft', carePlanActivity: 'not-started', goal: 'proposed' },
  [S.ACCEPTED]: { serviceRequest: 'active', task: 'accepted', bser: bser('3.0', 'Service Request Accepted'), carePlan: 'active', carePlanActivity: 'not-started', goal: 'active' },
  [S.DECLINED]: { serviceRequest: 'revoked', task: 'rejected', bser: bser('4.0', 'Service Request Declined'), carePlan: 'revoked', carePlanActivity: 'cancelled', goal: 'rejected' },
  [S.SCHEDULED]: { serviceRequest: 'active', task: 'accepted', bser: null, carePlan: 'active', carePlanActivity: 'scheduled', goal: 'active' },
  [S.IN_TREATMENT]: {
    serviceRequest: 'active', task: 'in-progress', bser: bser('5.x', 'Service Request Fulfillment Initiated'), carePlan: 'active', carePlanActivity: 'in-progress', goal: 'active',
  },
  [S.COMPLETED]: {
    serviceRequest: 'completed', task: 'completed', bser: bser('7.0', 'Service Request Fulfillment Completed'), carePlan: 'completed', carePlanActivity: 'completed', goal: 'completed',
  },
  [S.CANCELLED]: {
    serviceRequest: 'revoked', task: 'cancelled', bser: bser('6.0', 'Service Request Fulfillment Cancelled'), carePlan: 'revoked', carePlanActivity: 'cancelled', goal: 'cancelled',
  },
  [S.EXPIRED]: { serviceRequest: 'revoked', task: 'failed', bser: null, carePlan: 'revoked', carePlanActivity: 'cancelled', goal: 'cancelled' },
};

/** The referral's own status as a code, in words as the web app shows it. */
const STATUS_DISPLAY: Readonly<Record<S, string>> = {
  [S.DRAFT]: 'Draft',
  [S.SENT]: 'Sent',
  [S.ON_HOLD]: 'Information requested',
  [S.ACCEPTED]: 'Accepted',
  [S.DECLINED]: 'Declined',
  [S.SCHEDULED]: 'Scheduled',
  [S.IN_TREATMENT]: 'In treatment',
  [S.COMPLETED]: 'Completed',
  [S.CANCELLED]: 'Cancelled',
  [S.EXPIRED]: 'Expired',
};

export type StatusColumn = Exclude<keyof StatusInFhir, 'bser'>;

/** The FHIR status of a referral status in one column of the table. */
export const fhirStatus = <C extends StatusColumn>(status: S, column: C): StatusInFhir[C] => STATUS_IN_FHIR[status][column];

/** The referral statuses whose FHIR status in `column` is one of `codes`: what a status search asks of the referrals. */
export const referralStatusesWhere = (column: StatusColumn, codes: readonly string[]): S[] =>
  (Object.keys(STATUS_IN_FHIR) as S[]).filter((status) => codes.includes(STATUS_IN_FHIR[status][column]));

/** Task.businessStatus's codings: BSeR's, where it has one, and always the referral's own status. */
export function businessStatusCodings(status: S): Coding[] {
  const own: Coding = { system: REFERLOOP.referralStatus, code: status, display: STATUS_DISPLAY[status] };
  const standard = STATUS_IN_FHIR[status].bser;
  return standard ? [{ system: STANDARD.bserBusinessStatus, version: BSER_VERSION, ...standard }, own] : [own];
}

/** The referral statuses a business-status search names: by BSeR's code or by the referral's own. */
export function referralStatusesWithBusinessStatus(system: string | null, code: string): S[] {
  return (Object.keys(STATUS_IN_FHIR) as S[]).filter((status) =>
    businessStatusCodings(status).some((coding) => coding.code === code && (system === null || coding.system === system)),
  );
}

export const referralStatusDisplay = (status: S): string => STATUS_DISPLAY[status];
