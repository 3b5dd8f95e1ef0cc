import { Actor } from './actor';
import { Loaders } from './batch-loader';

/** Ids a request read or changed, flushed as one audit entry when the request ends. */
export class AuditTrail {
  readonly patientIds = new Set<string>();
  readonly referralIds = new Set<string>();
  readonly clinicIds = new Set<string>();
  operation = 'anonymous';

  touchPatient(id: string, clinicId?: string | null): void {
    this.patientIds.add(id);
    if (clinicId) this.clinicIds.add(clinicId);
  }

  touchReferral(id: string, ...clinicIds: (string | null | undefined)[]): void {
    this.referralIds.add(id);
    for (const clinicId of clinicIds) if (clinicId) this.clinicIds.add(clinicId);
  }

  get isEmpty(): boolean {
    return this.patientIds.size === 0 && this.referralIds.size === 0;
  }
}

/** The GraphQL context of one HTTP request. */
export interface RequestContext {
  authorization: string | undefined;
  ipAddress: string | null;
  /** Set by the auth guard once the bearer token is verified. */
  actor?: Actor;
  audit: AuditTrail;
  loaders: Loaders;
}
