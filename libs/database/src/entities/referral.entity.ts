import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ClinicEntity } from './clinic.entity';
import { PatientEntity } from './patient.entity';
import { ProviderEntity } from './provider.entity';
import { UserEntity } from './user.entity';

/**
 * Indexes follow the inbox/outbox queries: every list is "newest first" by (created_at, id)
 * within one tenant column, so each has a matching composite index and keyset pagination
 * never sorts or scans the table. Inboxes never show drafts, so their indexes leave drafts
 * out, which also lets an inbox count be answered from the index alone.
 */
@Entity({ name: 'referrals' })
@Index('referrals_to_clinic_inbox_idx', ['toClinicId', 'createdAt', 'id'], { where: `status <> 'DRAFT'` })
@Index('referrals_to_provider_inbox_idx', ['toProviderId', 'createdAt', 'id'], { where: `status <> 'DRAFT'` })
// One inbox tab (e.g. only SENT) is a single range of these.
@Index('referrals_to_clinic_status_idx', ['toClinicId', 'status', 'createdAt', 'id'], { where: `status <> 'DRAFT'` })
@Index('referrals_to_provider_status_idx', ['toProviderId', 'status', 'createdAt', 'id'], { where: `status <> 'DRAFT'` })
// Platform admins list across all clinics.
@Index('referrals_created_idx', ['createdAt', 'id'])
@Index('referrals_referring_clinic_outbox_idx', ['referringClinicId', 'createdAt', 'id'])
@Index('referrals_referring_user_outbox_idx', ['referringUserId', 'createdAt', 'id'])
@Index('referrals_patient_idx', ['patientId', 'createdAt', 'id'])
@Index('referrals_idempotency_key', ['referringUserId', 'idempotencyKey'], { unique: true })
@Index('referrals_due_at_idx', ['dueAt'], { where: `status = 'SENT'` })
// GiST on pool_area of unclaimed open referrals: the migration owns it (with the trigger that
// keeps pool_point and pool_area), and the schema diff leaves it alone.
@Index('referrals_open_pool_area_idx', { synchronize: false })
// Referral statistics take the referrals sent in a period.
@Index('referrals_sent_at_idx', ['sentAt'], { where: `status <> 'DRAFT'` })
// The worker's sweep for outcomes still waiting for the referrer (and not yet reminded).
@Index('referrals_outcome_waiting_idx', ['completedAt'], { where: `status = 'COMPLETED' AND loop_closed_at IS NULL AND outcome_reminded_at IS NULL` })
export class ReferralEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('referrals_reference_key', { unique: true })
  @Column({ type: 'varchar', length: 12 })
  reference!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'varchar', length: 10 })
  priority!: string;

  @Column({ type: 'varchar', length: 20 })
  modality!: string;

  @Column({ type: 'text', array: true })
  conditions!: string[];

  @Column({ type: 'text', array: true })
  techniques!: string[];

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'jsonb', nullable: true })
  assessment!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  goals!: unknown;

  @Column({ name: 'recommended_visits', type: 'integer', nullable: true })
  recommendedVisits!: number | null;

  @Column({ name: 'visits_per_week', type: 'integer', nullable: true })
  visitsPerWeek!: number | null;

  @Column({ name: 'red_flags', type: 'text', nullable: true })
  redFlags!: string | null;

  @Column({ name: 'consent_to_share', type: 'boolean' })
  consentToShare!: boolean;

  @Column({ name: 'patient_id', type: 'uuid' })
  patientId!: string;

  @ManyToOne(() => PatientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id', foreignKeyConstraintName: 'referrals_patient_id_fkey' })
  patient?: PatientEntity;

  @Column({ name: 'referring_clinic_id', type: 'uuid' })
  referringClinicId!: string;

  @ManyToOne(() => ClinicEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referring_clinic_id', foreignKeyConstraintName: 'referrals_referring_clinic_id_fkey' })
  referringClinic?: ClinicEntity;

  @Column({ name: 'referring_user_id', type: 'uuid' })
  referringUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referring_user_id', foreignKeyConstraintName: 'referrals_referring_user_id_fkey' })
  referringUser?: UserEntity;

  @Index('referrals_referring_provider_idx')
  @Column({ name: 'referring_provider_id', type: 'uuid', nullable: true })
  referringProviderId!: string | null;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referring_provider_id', foreignKeyConstraintName: 'referrals_referring_provider_id_fkey' })
  referringProvider?: ProviderEntity;

  @Column({ name: 'to_provider_id', type: 'uuid', nullable: true })
  toProviderId!: string | null;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_provider_id', foreignKeyConstraintName: 'referrals_to_provider_id_fkey' })
  toProvider?: ProviderEntity;

  /** Denormalised from the target provider so the receiving clinic's inbox is one index. */
  @Column({ name: 'to_clinic_id', type: 'uuid', nullable: true })
  toClinicId!: string | null;

  @ManyToOne(() => ClinicEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_clinic_id', foreignKeyConstraintName: 'referrals_to_clinic_id_fkey' })
  toClinic?: ClinicEntity;

  /**
   * An open referral is offered to every eligible provider within `pool_radius_km` of this
   * point; the first to accept becomes its target. Null for a referral sent to one provider.
   */
  @Column({ name: 'pool_latitude', type: 'double precision', nullable: true })
  poolLatitude!: number | null;

  @Column({ name: 'pool_longitude', type: 'double precision', nullable: true })
  poolLongitude!: number | null;

  @Column({ name: 'pool_radius_km', type: 'double precision', nullable: true })
  poolRadiusKm!: number | null;

  /** ll_to_earth(pool_latitude, pool_longitude), kept by a trigger. */
  @Column({ name: 'pool_point', type: 'cube', nullable: true, insert: false, update: false, select: false })
  poolPoint!: string | null;

  /** The box around the pool's disc, kept by the same trigger: what the GiST index searches. */
  @Column({ name: 'pool_area', type: 'cube', nullable: true, insert: false, update: false, select: false })
  poolArea!: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, nullable: true })
  idempotencyKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  /** While ON_HOLD the response clock is paused; this is what was left of it. */
  @Column({ name: 'clock_remaining_ms', type: 'bigint', nullable: true })
  clockRemainingMs!: string | null;

  /**
   * Bumped each time the response clock (re)starts — sending, and resuming after ON_HOLD — so
   * a timer armed for an earlier run of the clock recognises itself as stale.
   */
  @Column({ name: 'clock_seq', type: 'integer', default: 0 })
  clockSeq!: number;

  /** When the receiver was reminded to answer; one reminder per referral. */
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  /** Who sent it (the referrer's emails go to this user); null while a draft. */
  @Column({ name: 'sent_by_user_id', type: 'uuid', nullable: true })
  sentByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sent_by_user_id', foreignKeyConstraintName: 'referrals_sent_by_user_id_fkey' })
  sentBy?: UserEntity;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @Column({ name: 'appointment_at', type: 'timestamptz', nullable: true })
  appointmentAt!: Date | null;

  @Column({ name: 'treatment_started_at', type: 'timestamptz', nullable: true })
  treatmentStartedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'loop_closed_at', type: 'timestamptz', nullable: true })
  loopClosedAt!: Date | null;

  /** When the referrer was reminded of an outcome they had not acknowledged (once). */
  @Column({ name: 'outcome_reminded_at', type: 'timestamptz', nullable: true })
  outcomeRemindedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;

  @Column({ name: 'decline_reason', type: 'varchar', length: 40, nullable: true })
  declineReason!: string | null;

  @Column({ name: 'decline_note', type: 'text', nullable: true })
  declineNote!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  outcome!: unknown;

  @Index('referrals_redirected_from_key', { unique: true })
  @Column({ name: 'redirected_from_id', type: 'uuid', nullable: true })
  redirectedFromId!: string | null;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'redirected_from_id', foreignKeyConstraintName: 'referrals_redirected_from_id_fkey' })
  redirectedFrom?: ReferralEntity;

  @Column({ name: 'redirected_to_id', type: 'uuid', nullable: true })
  redirectedToId!: string | null;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'redirected_to_id', foreignKeyConstraintName: 'referrals_redirected_to_id_fkey' })
  redirectedTo?: ReferralEntity;

  /** The episode this referral was made from by its treating provider (referOnward). */
  @Index('referrals_onward_from_idx')
  @Column({ name: 'onward_from_id', type: 'uuid', nullable: true })
  onwardFromId!: string | null;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'onward_from_id', foreignKeyConstraintName: 'referrals_onward_from_id_fkey' })
  onwardFrom?: ReferralEntity;
}
