import { ReferralStatus } from '@referloop/lifecycle';
import { businessStatusCodings, fhirStatus, referralStatusesWhere, referralStatusesWithBusinessStatus, STATUS_IN_FHIR } from './referral-status-mapping';
import { CARE_PLAN_ACTIVITY_STATUSES, GOAL_LIFECYCLE_STATUSES, REQUEST_STATUSES, TASK_STATUSES } from './value-sets';

const ALL = Object.values(ReferralStatus);

describe('the referral lifecycle in FHIR', () => {
  it('gives every status a code of each required value set', () => {
    for (const status of ALL) {
      expect(REQUEST_STATUSES).toContain(fhirStatus(status, 'serviceRequest'));
      expect(TASK_STATUSES).toContain(fhirStatus(status, 'task'));
      expect(REQUEST_STATUSES).toContain(fhirStatus(status, 'carePlan'));
      expect(CARE_PLAN_ACTIVITY_STATUSES).toContain(fhirStatus(status, 'carePlanActivity'));
      expect(GOAL_LIFECYCLE_STATUSES).toContain(fhirStatus(status, 'goal'));
    }
  });

  it('searches each FHIR status back to exactly the referral statuses that map to it', () => {
    for (const status of ALL) {
      for (const column of ['serviceRequest', 'task', 'carePlan', 'goal'] as const) {
        const found = referralStatusesWhere(column, [fhirStatus(status, column)]);
        expect(found).toContain(status);
        expect(found.every((other) => fhirStatus(other, column) === fhirStatus(status, column))).toBe(true);
      }
    }
    expect(referralStatusesWhere('task', ['entered-in-error'])).toEqual([]);
  });

  it('codes the referral’s own status in every business status, and BSeR’s first where it has one', () => {
    for (const status of ALL) {
      const codings = businessStatusCodings(status);
      expect(codings.at(-1)).toMatchObject({ code: status });
      expect(codings).toHaveLength(STATUS_IN_FHIR[status].bser ? 2 : 1);
      for (const coding of codings) expect(referralStatusesWithBusinessStatus(coding.system, coding.code)).toContain(status);
    }
    expect(referralStatusesWithBusinessStatus(null, '3.0')).toEqual([ReferralStatus.ACCEPTED]);
    expect(referralStatusesWithBusinessStatus('http://other.example', '3.0')).toEqual([]);
  });
});
