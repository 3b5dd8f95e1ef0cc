import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { ClinicEntity } from './clinic.entity';
import { UserEntity } from './user.entity';

@Entity({ name: 'providers' })
// Per modality, GiST on earth_point of the providers accepting new patients, for matching by
// distance: partial indexes TypeORM cannot describe, so the migration owns them.
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
