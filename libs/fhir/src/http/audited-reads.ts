import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@referloop/audit';
import { Actor, AuditTrail } from '@referloop/common';

/** How long an audit entry's operation may be (audit_entries.operation). */
const MAX_OPERATION = 100;

/**
 * A FHIR request's reads, audited as a GraphQL request's are: the ids of every patient and
 * referral it showed on one trail, stored as one entry before the answer leaves (nothing is
 * shown unaudited), and no entry when it showed none (a refusal, a directory read).
 */
@Injectable()
export class AuditedReads {
  constructor(private readonly writer: AuditWriter) {}

  async run<T>(actor: Actor, operation: string, read: (trail: AuditTrail) => Promise<T>): Promise<T> {
    const trail = new AuditTrail();
    trail.operation = operation.slice(0, MAX_OPERATION);
    const result = await read(trail);
    if (!trail.isEmpty) await this.writer.write(actor, trail);
    return result;
  }
}
