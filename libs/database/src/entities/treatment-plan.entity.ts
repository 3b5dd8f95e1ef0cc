import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ReferralEntity } from './referral.entity';
import { UserEntity } from './user.entity';

/**
 * The receiving provider's plan for an episode, one row per version: a change writes a new
 * version and keeps the earlier ones (a trigger in the migration refuses UPDATE and DELETE).
 */
@Entity({ name: 'treatment_plans' })
@Index('treatment_plans_referral_version_key', ['referralId', 'version'], { unique: true })
export class TreatmentPlanEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId!: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'treatment_plans_referral_id_fkey' })
  referral?: ReferralEntity;

  /** 1 for the first plan, then one more for each change. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'long_term_goal', type: 'text' })
  longTermGoal!: string;

  /** [{ description, targetVisit, measure }] */
  @Column({ name: 'short_term_goals', type: 'jsonb' })
  shortTermGoals!: unknown;

  @Column({ name: 'planned_visits', type: 'integer' })
  plannedVisits!: number;

  @Column({ name: 'visits_per_week', type: 'integer' })
  visitsPerWeek!: number;

  @Column({ type: 'text', array: true })
  techniques!: string[];

  @Column({ name: 'set_by_user_id', type: 'uuid' })
  setByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'set_by_user_id', foreignKeyConstraintName: 'treatment_plans_set_by_user_id_fkey' })
  setBy?: UserEntity;

  @Column({ name: 'set_at', type: 'timestamptz' })
  setAt!: Date;
}
