import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProviderEntity } from './provider.entity';
import { ReferralEntity } from './referral.entity';

/**
 * A provider who passed on an open referral (declined it for themselves only): it leaves their
 * list of open referrals and they cannot claim it, while the rest of the pool still can.
 */
@Entity({ name: 'referral_passes' })
export class ReferralPassEntity {
  @PrimaryColumn({ name: 'referral_id', type: 'uuid' })
  referralId!: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'referral_passes_referral_id_fkey' })
  referral?: ReferralEntity;

  @PrimaryColumn({ name: 'provider_id', type: 'uuid' })
  providerId!: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'referral_passes_provider_id_fkey' })
  provider?: ProviderEntity;

  @Column({ name: 'decline_reason', type: 'varchar', length: 40 })
  declineReason!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
