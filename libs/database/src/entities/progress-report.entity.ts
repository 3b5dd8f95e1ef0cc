import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ReferralEntity } from './referral.entity';
import { UserEntity } from './user.entity';

/**
 * A progress report sent to the referrer during an episode: a document, so it keeps what it
 * said when it was written (a trigger in the migration refuses UPDATE and DELETE).
 */
@Entity({ name: 'progress_reports' })
@Index('progress_reports_referral_number_key', ['referralId', 'number'], { unique: true })
export class ProgressReportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId!: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'progress_reports_referral_id_fkey' })
  referral?: ReferralEntity;

  /** 1, 2, … per referral. */
  @Column({ type: 'integer' })
  number!: number;

  /** EVERY_N_VISITS or ON_DEMAND. */
  @Column({ type: 'varchar', length: 20 })
  trigger!: string;

  /** The episode's progress when the report was written (see progressOf). */
  @Column({ type: 'jsonb' })
  progress!: unknown;

  @Column({ type: 'text', nullable: true })
  comments!: string | null;

  @Column({ name: 'written_by_user_id', type: 'uuid' })
  writtenByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'written_by_user_id', foreignKeyConstraintName: 'progress_reports_written_by_user_id_fkey' })
  writtenBy?: UserEntity;

  @Column({ name: 'written_at', type: 'timestamptz' })
  writtenAt!: Date;
}
