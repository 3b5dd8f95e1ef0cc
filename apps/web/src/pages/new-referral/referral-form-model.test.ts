import { describe, expect, it } from 'vitest';
import { formFieldPaths, formPathOf } from '../../api/form-errors';
import { EMPTY_ASSESSMENT_ROW, initialReferralValues, REFERRAL_FIELD_RENAMES, REFERRAL_ITEM_LISTS, toCreateReferralInput, validateReferralForm, type ReferralFormValues } from './referral-form-model';

const filled = (): ReferralFormValues => ({
  ...initialReferralValues('patient-1'),
  modality: 'PHYSICAL_THERAPY',
  reason: '  Knee pain after a fall ',
  assessment: [{ ...EMPTY_ASSESSMENT_ROW, joint: 'Knee', movement: 'Flexion', side: 'LEFT', measured: 95, expected: 135 }, { ...EMPTY_ASSESSMENT_ROW }],
  longTermGoal: 'Walk without pain',
  shortTermGoals: ['Climb stairs', '  '],
  consentToShare: true,
  target: { kind: 'provider', providerId: 'provider-1' },
});

describe('toCreateReferralInput', () => {
  it('trims text, drops empty rows and goals, and carries the one idempotency key', () => {
    const input = toCreateReferralInput(filled(), true, 'key-1', null);
    expect(input).toMatchObject({ idempotencyKey: 'key-1', send: true, patientId: 'patient-1', reason: 'Knee pain after a fall', toProviderId: 'provider-1' });
    expect(input.assessment?.rangeOfMotion).toEqual([{ joint: 'Knee', movement: 'Flexion', side: 'LEFT', measuredDegrees: 95, expectedDegrees: 135, painScore: undefined }]);
    expect(input.goals).toEqual({ longTerm: 'Walk without pain', shortTerm: ['Climb stairs'] });
  });

  it('sends an open-pool target around the clinic', () => {
    const input = toCreateReferralInput({ ...filled(), target: { kind: 'pool', radiusKm: 30 } }, true, 'k', { latitude: 44.9, longitude: -93.2 });
    expect(input.toPool).toEqual({ near: { latitude: 44.9, longitude: -93.2 }, radiusKm: 30 });
    expect(input.toProviderId).toBeUndefined();
  });

  it('leaves out an assessment and goals nobody filled in', () => {
    const input = toCreateReferralInput({ ...filled(), assessment: [], longTermGoal: '' }, false, 'k', null);
    expect(input.assessment).toBeUndefined();
    expect(input.goals).toBeUndefined();
  });
});

describe('validateReferralForm', () => {
  it('requires consent and a target only to send', () => {
    const draft = { ...filled(), consentToShare: false, target: null };
    expect(validateReferralForm(draft, false)).toEqual({});
    expect(Object.keys(validateReferralForm(draft, true)).sort()).toEqual(['consentToShare', 'target']);
  });

  it('names each missing part of a half-filled assessment row', () => {
    const values = { ...filled(), assessment: [{ ...EMPTY_ASSESSMENT_ROW, joint: 'Hip' }] };
    expect(validateReferralForm(values, false)).toEqual({ 'assessment.0.movement': 'Name the movement', 'assessment.0.measured': 'Enter the measured degrees' });
  });
});

describe('formPathOf with the new-referral form’s renames', () => {
  const values: ReferralFormValues = { ...filled(), assessment: [{ ...EMPTY_ASSESSMENT_ROW }, { ...EMPTY_ASSESSMENT_ROW }, { ...EMPTY_ASSESSMENT_ROW }] };
  const pathOf = (field: string) => formPathOf(field, formFieldPaths(values, REFERRAL_ITEM_LISTS), REFERRAL_FIELD_RENAMES);

  it('maps the API field paths onto the form', () => {
    expect(pathOf('input.reason')).toBe('reason');
    expect(pathOf('input.assessment.rangeOfMotion.2.measuredDegrees')).toBe('assessment.2.measured');
    expect(pathOf('input.goals.shortTerm.1')).toBe('shortTermGoals.1');
    expect(pathOf('input.toProviderId')).toBe('target');
    expect(pathOf('input.consentToShare')).toBe('consentToShare');
  });
});
