import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per request that read or changed patients or referrals. Array columns carry the
 * ids touched; their GIN indexes are created by the migration (TypeORM cannot describe them).
 */
@Entity({ name: 'audit_entries' })
@Index('audit_entries_at_idx', ['at', 'id'])
@Index('audit_entries_actor_idx', ['actorId', 'at'])
@Index('audit_entries_actor_clinic_idx', ['actorClinicId', 'at', 'id'])
@Index('audit_entries_patient_ids_gin', { synchronize: false })
@Index('audit_entries_referral_ids_gin', { synchronize: false })
@Index('audit_entries_clinic_ids_gin', { synchronize: false })
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_clinic_id', type: 'uuid', nullable: true })
  actorClinicId!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 20, nullable: true })
  actorRole!: string | null;

  @Column({ type: 'varchar', length: 100 })
  operation!: string;

  @Column({ name: 'patient_ids', type: 'uuid', array: true })
  patientIds!: string[];

  @Column({ name: 'referral_ids', type: 'uuid', array: true })
  referralIds!: string[];

  /** Clinics whose data was touched, for a clinic admin's view. */
  @Column({ name: 'clinic_ids', type: 'uuid', array: true })
  clinicIds!: string[];

  /** Per clinic, the ids that belong to it: all another clinic's admin may see of this entry. */
  @Column({ type: 'jsonb', default: {} })
  subjects!: Record<string, { patientIds: string[]; referralIds: string[] }>;

  @Column({ name: 'ip_address', type: 'varchar', length: 64, nullable: true })
  ipAddress!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
