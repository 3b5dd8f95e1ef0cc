import type { RangeOfMotionFinding } from '@referloop/referrals';
import type { CodeableConcept, Extension, Observation, Reference } from '../model/fhir-types';
import { observationId } from '../model/resource-ids';
import { observationKeyOf, type ObservationRow } from '../sources/observation-rows';
import { degrees, lateralityConcept, MEASURE_CATEGORY, MEASURE_CODE, OBSERVATION_STATUS } from '../terminology/observation-codes';
import { REFERLOOP } from '../terminology/systems';
import { instant, referenceTo } from './references';

/**
 * One measurement of a referral: a range of motion in degrees (UCUM `deg`) at a body site, with
 * the side and the expected range (referenceRange: the range reached at or above the expected
 * degrees), or a pain score from 0 to 10. Each is based on the referral, about its patient, and
 * made by whoever measured it: the referrer for the assessment, the treating provider for the
 * visits and the outcome.
 */
export function observationOf(row: ObservationRow): Observation {
  const finding = row.finding;
  const measure = row.measure;
  return {
    resourceType: 'Observation',
    id: observationId(observationKeyOf(row)),
    meta: { lastUpdated: instant(row.last_updated) },
    basedOn: [referenceTo('ServiceRequest', row.referral_id)],
    status: OBSERVATION_STATUS,
    category: [MEASURE_CATEGORY[measure]],
    code: { ...MEASURE_CODE[measure], text: textOf(measure, finding) },
    subject: referenceTo('Patient', row.patient_id),
    effectiveDateTime: instant(row.effective_at),
    performer: [performerOf(row)],
    ...(measure === 'rom' && finding
      ? {
          valueQuantity: degrees(finding.measuredDegrees),
          ...(finding.expectedDegrees !== null && { referenceRange: [{ low: degrees(finding.expectedDegrees), text: `Expected: ${finding.expectedDegrees}°` }] }),
        }
      : { valueInteger: finding?.painScore ?? (row.pain_score as number) }),
    ...(finding && { bodySite: bodySiteOf(finding) }),
  };
}

function performerOf(row: ObservationRow): Reference {
  if (row.source === 'assessment') return row.referring_provider_id ? referenceTo('PractitionerRole', row.referring_provider_id) : referenceTo('Organization', row.referring_clinic_id);
  return row.to_provider_id ? referenceTo('PractitionerRole', row.to_provider_id) : referenceTo('Organization', row.to_clinic_id as string);
}

/** The site as measured ("left shoulder"), and its side coded in the laterality extension. */
function bodySiteOf(finding: RangeOfMotionFinding): CodeableConcept & { extension?: Extension[] } {
  const joint = inWords(finding.joint);
  return {
    ...(finding.side && { extension: [{ url: REFERLOOP.lateralityExtension, valueCodeableConcept: lateralityConcept(finding.side) }] }),
    text: capitalised(finding.side ? `${finding.side.toLowerCase()} ${joint}` : joint),
  };
}

/** "Left shoulder flexion range of motion", "Pain during left shoulder flexion", "Pain at the visit". */
function textOf(measure: ObservationRow['measure'], finding: RangeOfMotionFinding | null): string {
  if (!finding) return 'Pain at the visit (0-10)';
  const site = `${finding.side ? `${finding.side.toLowerCase()} ` : ''}${inWords(finding.joint)} ${inWords(finding.movement)}`;
  return measure === 'rom' ? capitalised(`${site} range of motion`) : `Pain during ${site} (0-10)`;
}

/** Free text as written, but a code-like "CERVICAL_SPINE" reads "cervical spine". */
const inWords = (text: string) => (/[a-z]/.test(text) ? text : text.replace(/_/g, ' ').toLowerCase());

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
