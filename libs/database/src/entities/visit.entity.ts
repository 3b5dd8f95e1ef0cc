import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ReferralEntity } from './referral.entity';
import { UserEntity } from './user.entity';

/** A visit of an episode, attended or missed, as the treating provider recorded it. */
@Entity({ name: 'visits' })
@Index('visits_referral_number_key', ['referralId', 'number'], { unique: true })
export class VisitEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId!: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'visits_referral_id_fkey' })
  referral?: ReferralEntity;

  /** 1, 2, … in the order they were recorded, missed ones included. */
  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'boolean' })
  attended!: boolean;

  @Column({ name: 'techniques_used', type: 'text', array: true })
  techniquesUsed!: string[];

  /** [{ joint, movement, side, measuredDegrees, expectedDegrees, painScore }] */
  @Column({ name: 'range_of_motion', type: 'jsonb' })
  rangeOfMotion!: unknown;

  @Column({ name: 'pain_score', type: 'integer', nullable: true })
  painScore!: number | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  /** Positions (1-based) of the short-term goals met, in the plan version current at the visit. */
  @Column({ name: 'short_term_goals_met', type: 'integer', array: true })
  shortTermGoalsMet!: number[];

  @Column({ name: 'plan_version', type: 'integer', nullable: true })
  planVersion!: number | null;

  /** An attended visit beyond the plan's budget (or the referral's recommended visits). */
  @Column({ name: 'over_budget', type: 'boolean' })
  overBudget!: boolean;

  @Column({ name: 'recorded_by_user_id', type: 'uuid' })
  recordedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_user_id', foreignKeyConstraintName: 'visits_recorded_by_user_id_fkey' })
  recordedBy?: UserEntity;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
