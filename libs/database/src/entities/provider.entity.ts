import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { ClinicEntity } from './clinic.entity';
import { UserEntity } from './user.entity';

@Entity({ name: 'providers' })
// Per modality, GiST on earth_point of the providers accepting new patients, carrying what
// ranking reads, for matching by distance: partial covering indexes TypeORM cannot describe,
// so the migration owns them.
@Index('providers_massage_accepting_point_idx', { synchronize: false })
@Index('providers_acupuncture_accepting_point_idx', { synchronize: false })
@Index('providers_chiropractic_accepting_point_idx', { synchronize: false })
@Index('providers_physical_therapy_accepting_point_idx', { synchronize: false })
export class ProviderEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('providers_clinic_id_idx')
  @Column({ name: 'clinic_id', type: 'uuid' })
  clinicId!: string;

  @ManyToOne(() => ClinicEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'clinic_id', foreignKeyConstraintName: 'providers_clinic_id_fkey' })
  clinic?: ClinicEntity;

  /** One provider profile per user account. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'providers_user_id_fkey' })
  user?: UserEntity;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'text', array: true })
  modalities!: string[];

  @Column({ type: 'text', array: true })
  techniques!: string[];

  @Column({ type: 'text', array: true })
  conditions!: string[];

  @Column({ name: 'accepting_new_patients', type: 'boolean' })
  acceptingNewPatients!: boolean;

  @Column({ name: 'weekly_capacity', type: 'integer' })
  weeklyCapacity!: number;

  /** ISO 639-1 codes of the languages the provider treats in ("en", "es"). */
  @Column({ type: 'text', array: true, default: '{}' })
  languages!: string[];

  @Column({ name: 'postal_code', type: 'varchar', length: 20, nullable: true })
  postalCode!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  city!: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  /** ll_to_earth(latitude, longitude), kept by a trigger: the point distances are measured from. */
  @Column({ name: 'earth_point', type: 'cube', nullable: true, insert: false, update: false, select: false })
  earthPoint!: string | null;

  // Load and responsiveness, derived from referrals (never hand-edited): rewritten by every
  // transition that changes them, in its transaction, and by the worker's periodic refresh,
  // which moves the 90-day window on for providers nothing happened to. Matching ranks by them.

  @Column({ name: 'stats_active_episodes', type: 'integer', default: 0 })
  statsActiveEpisodes!: number;

  /** Referrals accepted since the week began in the clinic's zone... */
  @Column({ name: 'stats_accepted_this_week', type: 'integer', default: 0 })
  statsAcceptedThisWeek!: number;

  /** ...which counts only until this instant, when the clinic's next week begins. */
  @Column({ name: 'stats_week_ends_at', type: 'timestamptz', nullable: true })
  statsWeekEndsAt!: Date | null;

  @Column({ name: 'stats_answered_90d', type: 'integer', default: 0 })
  statsAnswered90d!: number;

  @Column({ name: 'stats_accepted_90d', type: 'integer', default: 0 })
  statsAccepted90d!: number;

  @Column({ name: 'stats_median_response_ms', type: 'double precision', nullable: true })
  statsMedianResponseMs!: number | null;

  @Column({ name: 'stats_p90_response_ms', type: 'double precision', nullable: true })
  statsP90ResponseMs!: number | null;

  /** When the figures last changed (a refresh that finds them unchanged leaves the row alone). */
  @Column({ name: 'stats_refreshed_at', type: 'timestamptz', nullable: true })
  statsRefreshedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
