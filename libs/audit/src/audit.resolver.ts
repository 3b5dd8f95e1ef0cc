import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor, connectionType, CurrentActor, isPlatformAdmin, pageRequest, toConnection, UserRole, type Connection } from '@referloop/common';
import { ErrorReason, forbidden } from '@referloop/core';
import { AuditEntriesArgs, AuditEntry } from './audit-entry.model';
import { AuditRepository } from './audit.repository';

export const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditRepository) {}

  @Query(() => AuditEntryConnection, {
    description: "Who read or changed which patients and referrals. Platform admins; clinic admins see their clinic's.",
  })
  async auditEntries(@CurrentActor() actor: Actor, @Args({ type: () => AuditEntriesArgs }) args: AuditEntriesArgs): Promise<Connection<AuditEntry>> {
    if (!isPlatformAdmin(actor) && actor.role !== UserRole.CLINIC_ADMIN) throw forbidden('Only admins read the audit trail', ErrorReason.NOT_YOUR_ROLE);
    const page = pageRequest(args);
    const viewer = isPlatformAdmin(actor) ? { clinicId: null } : { clinicId: actor.clinicId as string };
    const { rows, count } = this.audit.list(viewer, args.filter ?? {}, page);
    return toConnection(await rows, page, count, (row) => row);
  }
}
