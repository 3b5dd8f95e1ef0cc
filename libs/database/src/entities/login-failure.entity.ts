import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed logins, kept in PostgreSQL so throttling holds across gateway replicas. */
@Entity({ name: 'login_failures' })
@Index('login_failures_email_idx', ['email', 'at'])
@Index('login_failures_ip_idx', ['ipAddress', 'at'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'ip_address', type: 'varchar', length: 64 })
  ipAddress!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
