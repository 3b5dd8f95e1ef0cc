import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'clinics' })
export class ClinicEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ name: 'address_line1', type: 'varchar', length: 200 })
  addressLine1!: string;

  @Column({ name: 'address_city', type: 'varchar', length: 120 })
  addressCity!: string;

  @Column({ name: 'address_region', type: 'varchar', length: 120, nullable: true })
  addressRegion!: string | null;

  @Column({ name: 'address_postal_code', type: 'varchar', length: 20 })
  addressPostalCode!: string;

  @Column({ name: 'address_country', type: 'varchar', length: 2 })
  addressCountry!: string;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
