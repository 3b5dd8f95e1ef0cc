import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ReferralEntity } from './referral.entity';
import { UserEntity } from './user.entity';

/** Append-only history; a trigger in the migration refuses UPDATE and DELETE. */
@Entity({ name: 'referral_events' })
@Index('referral_events_referral_idx', ['referralId', 'seq'])
export class ReferralEventEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Commit order: several events of one transaction share the same instant. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq!: number;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId!: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'referral_events_referral_id_fkey' })
  referral?: ReferralEntity;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus!: string;

  /** Null for the system (expiry). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'referral_events_actor_id_fkey' })
  actor?: UserEntity;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data!: unknown;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
