/**
 * The GraphQL documents of a treatment episode (plan, visits, interim reports, referral
 * onward), each written once for every test that sends it. Each answer selects everything the
 * tests of the episode check; a test reads the fields it needs.
 */

export const ROM_FIELDS = 'joint movement side measuredDegrees expectedDegrees painScore';

export const PROGRESS_FIELDS = `
  measures { joint movement side firstDegrees firstAt latestDegrees latestAt expectedDegrees changeDegrees towardExpected }
  firstPainScore latestPainScore
  goals { position description targetVisit met metAtVisit }
  attendedVisits missedVisits plannedVisits
`;

/** What PROGRESS_FIELDS read, with the measures as a test types them. */
export interface Progress<Measure = Record<string, unknown>> {
  measures: Measure[];
  firstPainScore: number | null;
  latestPainScore: number | null;
  goals: Array<{ position: number; description: string; targetVisit: number; met: boolean; metAtVisit: number | null }>;
  attendedVisits: number;
  missedVisits: number;
  plannedVisits: number | null;
}

export const REPORT_FIELDS = `id number trigger comments writtenAt writtenBy { id } progress { ${PROGRESS_FIELDS} }`;

export const SET_PLAN = `mutation setTreatmentPlan($input: SetTreatmentPlanInput!) {
  setTreatmentPlan(input: $input) {
    version longTermGoal plannedVisits visitsPerWeek techniques setAt
    shortTermGoals { description targetVisit measure }
    setBy { id }
  }
}`;

export const RECORD_VISIT = `mutation recordVisit($input: RecordVisitInput!) {
  recordVisit(input: $input) {
    id number at attended techniquesUsed painScore notes shortTermGoalsMet planVersion overBudget
    rangeOfMotion { ${ROM_FIELDS} }
  }
}`;

export const SEND_PROGRESS_REPORT = `mutation sendProgressReport($input: SendProgressReportInput!) {
  sendProgressReport(input: $input) { ${REPORT_FIELDS} }
}`;

export const REFER_ONWARD = `mutation referOnward($input: ReferOnwardInput!) {
  referOnward(input: $input) {
    id reference status version modality reason consentToShare
    referringClinic { id }
    referringUser { id }
    referringProvider { id }
    toProvider { id }
    patient { id }
    onwardFrom { id }
  }
}`;

/** What REFER_ONWARD answers. */
export interface OnwardReferral {
  id: string;
  reference: string;
  status: string;
  version: number;
  modality: string;
  reason: string;
  consentToShare: boolean;
  referringClinic: { id: string };
  referringUser: { id: string };
  referringProvider: { id: string } | null;
  toProvider: { id: string } | null;
  patient: { id: string };
  onwardFrom: { id: string } | null;
}
