import { Actor, AuditTrail } from '@referloop/common';
import { AuditEntryRecord, auditEntryOf } from '@referloop/audit';
import { AuditedReferral, auditSeen } from './seen-referral';

/**
 * A request's audit entry for a change of one referral, written by the change's own statement
 * (`auditEntryCte`) instead of after the response: the entry commits with the change or not at
 * all, a gateway that dies between the two leaves no change unaudited, and the change costs one
 * commit. The entry names what the request's trail named so far and the referral as written;
 * once the change has committed, the trail learns it is recorded, so the request writes no
 * second entry unless its answer goes on to name more.
 */
export class AuditedChange {
  private written: AuditTrail | null = null;

  constructor(
    private readonly actor: Actor,
    private readonly trail: AuditTrail,
  ) {}

  /** The entry for the statement that writes `referrals` (called again if that statement is retried). */
  entryFor(referrals: readonly AuditedReferral[]): AuditEntryRecord {
    const written = this.trail.copy();
    for (const referral of referrals) auditSeen(written, referral);
    this.written = written;
    return auditEntryOf(this.actor, written);
  }

  /** Once the statement that wrote the last entry has committed. */
  committed(): void {
    if (this.written) this.trail.recorded(this.written);
  }
}
