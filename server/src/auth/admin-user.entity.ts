import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { District } from '../roster/district.entity.js';
import { AdminRole } from './roles.js';

/** Someone who signs in to the dashboard or the admin API. */
@Entity('admin_user')
export class AdminUser {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Stored lower-case. */
  @Index('UQ_admin_user_email', { unique: true })
  @Column({ type: 'varchar', length: 255 })
  email!: string;

  /** scrypt hash (see password.ts); never the password. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: AdminRole;

  /** The one district of a DISTRICT_ADMIN; null for other roles. */
  @Column({ type: 'int', nullable: true })
  districtId!: number | null;

  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'districtId' })
  district?: Relation<District>;

  @CreateDateColumn()
  createdAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  lastLoginAt!: Date | null;
}
