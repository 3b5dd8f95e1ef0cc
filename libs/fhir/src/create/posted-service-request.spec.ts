import { Condition, Modality, Technique } from '@referloop/common';
import { ReferralPriority, ReferralStatus } from '@referloop/lifecycle';
import type { Referral } from '@referloop/referrals';
import { serviceRequestOf } from '../mappers/service-request.mapper';
import { readServiceRequest } from './posted-service-request';

const BASE = 'https://referloop.example.org/fhir/R4';

/** A draft with every field a ServiceRequest carries and none it does not (no assessment, no goals: their notes are read as the reason). */
const referral = {
  id: '6f1c2f7e-2f55-4a55-9a3e-0d7c1b6f9a10',
  reference: 'RF-7K3Q9P',
  status: ReferralStatus.DRAFT,
  version: 1,
  priority: ReferralPriority.URGENT,
  modality: Modality.ACUPUNCTURE,
  conditions: [Condition.NECK_PAIN, Condition.SHOULDER_PAIN],
  techniques: [Technique.CUPPING],
  reason: 'Chronic neck tension.',
  assessment: null,
  goals: null,
  recommendedVisits: 6,
  visitsPerWeek: 2,
  redFlags: 'Needle phobia.',
  patientId: '0b3c6a2e-4c1d-4f7a-8f7e-5d2a9c1b7e33',
  referringClinicId: 'c1b7e330-4c1d-4f7a-8f7e-5d2a9c1b7e33',
  referringProviderId: null,
  toProviderId: 'a9c1b7e3-4c1d-4f7a-8f7e-5d2a9c1b7e33',
  sentAt: null,
  updatedAt: new Date('2026-12-01T09:00:00Z'),
  redirectedFromId: null,
  onwardFromId: null,
} as unknown as Referral;

describe('a posted ServiceRequest', () => {
  it('reads back into the content of the referral a read wrote it from (what the server sets left out)', () => {
    const { id: _id, meta: _meta, identifier: _identifier, requester: _requester, ...written } = serviceRequestOf(referral, { assessment: [], visible: new Set() });
    const read = readServiceRequest({ ...written, extension: [{ url: 'https://referloop.org/fhir/StructureDefinition/consent-to-share', valueBoolean: true }] }, 'ServiceRequest', BASE);
    expect(read).toEqual({
      content: {
        modality: 'ACUPUNCTURE',
        conditions: ['NECK_PAIN', 'SHOULDER_PAIN'],
        techniques: ['CUPPING'],
        priority: 'URGENT',
        reason: 'Chronic neck tension.',
        redFlags: 'Needle phobia.',
        recommendedVisits: 6,
        visitsPerWeek: 2,
        consentToShare: true,
        toProviderId: referral.toProviderId,
      },
      subject: { type: 'Patient', id: referral.patientId },
      status: 'draft',
      identifier: null,
    });
  });

  it('takes references under the server’s own base, and refuses another server’s, naming the element', () => {
    const { id: _id, meta: _meta, identifier: _identifier, ...written } = serviceRequestOf(referral, { assessment: [], visible: new Set() });
    const absolute = readServiceRequest({ ...written, subject: { reference: `${BASE}/Patient/${referral.patientId}` } }, 'ServiceRequest', BASE);
    expect(absolute.subject).toEqual({ type: 'Patient', id: referral.patientId });
    expect(() => readServiceRequest({ ...written, subject: { reference: `https://elsewhere.example/fhir/Patient/${referral.patientId}` } }, 'ServiceRequest', BASE)).toThrow(
      expect.objectContaining({ status: 422, expression: ['ServiceRequest.subject.reference'] }),
    );
    expect(() => readServiceRequest({ ...written, performer: [{ reference: 'Organization/x' }] }, 'ServiceRequest', BASE)).toThrow(
      expect.objectContaining({ status: 422, expression: ['ServiceRequest.performer[0].reference'] }),
    );
  });

  it('refuses what it cannot read whole rather than drop part of it: elements of the wrong JSON type, codes in no system read, two modalities', () => {
    const { id: _id, meta: _meta, identifier: _identifier, ...written } = serviceRequestOf(referral, { assessment: [], visible: new Set() });
    const refusal = (changes: Record<string, unknown>) => {
      try {
        readServiceRequest({ ...written, ...changes }, 'Bundle.entry[1].resource', BASE);
      } catch (error) {
        return (error as { expression: string[] }).expression;
      }
      return null;
    };
    expect(refusal({ note: 'not a list' })).toEqual(['Bundle.entry[1].resource.note']);
    expect(refusal({ reasonCode: [{ text: 'Neck pain' }] })).toEqual(['Bundle.entry[1].resource.reasonCode[0]']);
    expect(refusal({ orderDetail: [{ coding: [{ system: 'http://snomed.info/sct', code: '229064008' }] }] })).toEqual(['Bundle.entry[1].resource.orderDetail[0]']);
    expect(refusal({ code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/service-type', code: '25' }, { system: 'https://referloop.org/fhir/CodeSystem/modality', code: 'CHIROPRACTIC' }] } })).toEqual([
      'Bundle.entry[1].resource.code',
    ]);
    expect(refusal({ priority: 'stat' })).toEqual(['Bundle.entry[1].resource.priority']);
    expect(refusal({ occurrenceTiming: { repeat: { frequency: 3, period: 1, periodUnit: 'd' } } })).toEqual(['Bundle.entry[1].resource.occurrenceTiming.repeat.periodUnit']);
    expect(refusal({ modifierExtension: [] })).toEqual(['Bundle.entry[1].resource.modifierExtension']);
    expect(refusal({ identifier: [{ system: 'https://referloop.org/fhir/sid/referral-reference', value: 'RF-7K3Q9P' }] })).toEqual(['Bundle.entry[1].resource.identifier[0]']);
  });
});
