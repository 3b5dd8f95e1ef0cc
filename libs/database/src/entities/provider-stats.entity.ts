import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ProviderEntity } from './provider.entity';

/**
 * Load and responsiveness per provider, derived from referrals, so matching reads one row per
 * candidate instead of computing percentiles. Rewritten by every transition that changes the
 * provider's numbers (in that transition's transaction) and by the worker's periodic refresh,
 * which rolls the 90-day window forward for providers nothing happened to.
 */
@Entity({ name: 'provider_stats' })
export class ProviderStatsEntity {
  @PrimaryColumn({ name: 'provider_id', type: 'uuid' })
  providerId!: string;

  @OneToOne(() => ProviderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'provider_stats_provider_id_fkey' })
  provider?: ProviderEntity;

  @Column({ name: 'active_episodes', type: 'integer' })
  activeEpisodes!: number;

  /** Referrals accepted since the week began in the clinic's zone... */
  @Column({ name: 'accepted_this_week', type: 'integer' })
  acceptedThisWeek!: number;

  /** ...which counts only until this instant, when the clinic's next week begins. */
  @Column({ name: 'week_ends_at', type: 'timestamptz' })
  weekEndsAt!: Date;

  @Column({ name: 'answered_90d', type: 'integer' })
  answered90d!: number;

  @Column({ name: 'accepted_90d', type: 'integer' })
  accepted90d!: number;

  @Column({ name: 'median_response_ms', type: 'double precision', nullable: true })
  medianResponseMs!: number | null;

  @Column({ name: 'p90_response_ms', type: 'double precision', nullable: true })
  p90ResponseMs!: number | null;

  @Column({ name: 'refreshed_at', type: 'timestamptz' })
  refreshedAt!: Date;
}
