/** An audit entry as the API returns it to the tests. */
export interface AuditEntry {
  id: string;
  operation: string;
  at: string;
  referralIds: string[];
  patientIds: string[];
  actorId: string | null;
  actorRole: string | null;
  ipAddress: string | null;
}
