type ClinicId = string | null | undefined;

/** The ids one clinic's data contributed to a request. */
export interface ClinicSubjects {
  patientIds: string[];
  referralIds: string[];
}

/**
 * Ids a request read or changed, flushed as one audit entry when the request ends. Each id is
 * also filed under the clinics it belongs to, so a clinic admin reading another clinic's
 * entry sees only the part of it that concerns their own clinic.
 */
export class AuditTrail {
  readonly patientIds = new Set<string>();
  readonly referralIds = new Set<string>();
  private readonly byClinic = new Map<string, { patientIds: Set<string>; referralIds: Set<string> }>();
  operation = 'anonymous';

  /** A patient, filed under its own clinic and any clinic it was referred to in this read. */
  touchPatient(id: string, ...clinicIds: ClinicId[]): void {
    this.patientIds.add(id);
    for (const clinicId of clinicIds) if (clinicId) this.clinic(clinicId).patientIds.add(id);
  }

  /** A referral, filed under the referring and the receiving clinic. */
  touchReferral(id: string, ...clinicIds: ClinicId[]): void {
    this.referralIds.add(id);
    for (const clinicId of clinicIds) if (clinicId) this.clinic(clinicId).referralIds.add(id);
  }

  /** A referral and its patient, shown or changed together: both filed under the clinics on either side. */
  touchReferralAndPatient(referralId: string, patientId: string, ...clinicIds: ClinicId[]): void {
    this.touchReferral(referralId, ...clinicIds);
    this.touchPatient(patientId, ...clinicIds);
  }

  get isEmpty(): boolean {
    return this.patientIds.size === 0 && this.referralIds.size === 0;
  }

  clinicIds(): string[] {
    return [...this.byClinic.keys()];
  }

  subjects(): Record<string, ClinicSubjects> {
    return Object.fromEntries(
      [...this.byClinic].map(([clinicId, ids]) => [clinicId, { patientIds: [...ids.patientIds], referralIds: [...ids.referralIds] }]),
    );
  }

  private clinic(clinicId: string) {
    let entry = this.byClinic.get(clinicId);
    if (!entry) {
      entry = { patientIds: new Set(), referralIds: new Set() };
      this.byClinic.set(clinicId, entry);
    }
    return entry;
  }
}
