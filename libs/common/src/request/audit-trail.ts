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
  /** How many filings a committed entry already holds (see `recorded`). */
  private recordedFilings = 0;

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

  /**
   * Whether the request still needs an entry of its own when it ends: it named something that
   * no entry committed so far holds. A change's statement writes the trail's entry beside the
   * change (`copy`, then `recorded` once committed), so a mutation that names nothing more
   * needs no second one.
   */
  get needsEntry(): boolean {
    return !this.isEmpty && this.filings() !== this.recordedFilings;
  }

  /** A separate trail holding what this one does, for the entry a change's statement writes. */
  copy(): AuditTrail {
    const copy = new AuditTrail();
    copy.operation = this.operation;
    copy.merge(this);
    return copy;
  }

  /**
   * `written`, a copy of this trail with a change's ids added, was committed as an entry with the
   * change. Its ids are filed here too; if this trail names nothing beyond them, it is recorded.
   */
  recorded(written: AuditTrail): void {
    this.merge(written);
    // This trail now holds everything `written` does: as many filings means the same ones.
    if (this.filings() === written.filings()) this.recordedFilings = this.filings();
  }

  private merge(other: AuditTrail): void {
    for (const id of other.patientIds) this.patientIds.add(id);
    for (const id of other.referralIds) this.referralIds.add(id);
    for (const [clinicId, ids] of other.byClinic) {
      const mine = this.clinic(clinicId);
      for (const id of ids.patientIds) mine.patientIds.add(id);
      for (const id of ids.referralIds) mine.referralIds.add(id);
    }
  }

  /** Every id and every clinic filing of one, counted. */
  private filings(): number {
    let count = this.patientIds.size + this.referralIds.size;
    for (const ids of this.byClinic.values()) count += ids.patientIds.size + ids.referralIds.size;
    return count;
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
