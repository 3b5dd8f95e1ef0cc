import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ReferralEntity } from './referral.entity';

/**
 * The transactional outbox: a transition writes its emails here in its own transaction; the
 * worker delivers them and records the result. Rows are never deleted — they are the record of
 * what was told to whom.
 */
@Entity({ name: 'notifications' })
@Index('notifications_referral_idx', ['referralId', 'createdAt'])
// The relay's scan: only PENDING rows, oldest first.
@Index('notifications_pending_idx', ['createdAt'], { where: `status = 'PENDING'` })
@Index('notifications_failed_idx', ['createdAt', 'id'], { where: `status = 'FAILED'` })
export class NotificationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId!: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'notifications_referral_id_fkey' })
  referral?: ReferralEntity;

  @Column({ name: 'recipient_kind', type: 'varchar', length: 10 })
  recipientKind!: string;

  /** The address chosen when the transition committed (null when there was none); once SENT, the one it went to. */
  @Column({ name: 'recipient_email', type: 'varchar', length: 254, nullable: true })
  recipientEmail!: string | null;

  @Column({ type: 'varchar', length: 40 })
  template!: string;

  @Column({ type: 'varchar', length: 12, default: 'PENDING' })
  status!: string;

  /** Why it was SUPPRESSED or SKIPPED. */
  @Column({ name: 'skip_reason', type: 'varchar', length: 40, nullable: true })
  skipReason!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** The Message-ID header we sent (derived from the id). */
  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true })
  messageId!: string | null;

  /** What the SMTP server answered on acceptance (its queue id, usually). */
  @Column({ name: 'smtp_response', type: 'text', nullable: true })
  smtpResponse!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
