import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AdminUser } from './admin-user.entity.js';

/** A signed-in admin: the cookie (or bearer) carries the secret, the database only its SHA-256. */
@Entity('admin_session')
export class AdminSession {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_admin_session_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Index('IDX_admin_session_user')
  @Column({ type: 'int' })
  adminUserId!: number;

  @ManyToOne(() => AdminUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'adminUserId' })
  adminUser?: Relation<AdminUser>;

  @CreateDateColumn()
  createdAt!: Date;

  @Column({ type: 'datetime' })
  expiresAt!: Date;
}
