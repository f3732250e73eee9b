import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SourceKind } from './roster-enums.js';

@Entity('district')
export class District {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_district_name', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  sourceKind!: SourceKind;

  /** Source location and credentials, encrypted with SECRET_KEY (never returned by the API). */
  @Column({ type: 'text' })
  sourceConfigEncrypted!: string;

  @Column({ type: 'varchar', length: 64, default: 'America/New_York' })
  timezone!: string;

  @Column({ type: 'varchar', length: 100, default: '0 2 * * *' })
  schedule!: string;

  @Column({ type: 'boolean', default: true })
  syncEnabled!: boolean;

  @Column({ type: 'date', nullable: true })
  syncExpiresAt!: string | null;

  /**
   * Early rollover: while this date is still ahead (district time), every run syncs as of it
   * instead of today; once it arrives, runs use today again by themselves (syncDateFor).
   */
  @Column({ type: 'date', nullable: true })
  syncAsOf!: string | null;

  /** null means ALL schools; otherwise the selected school sourceIds. */
  @Column({ type: 'simple-json', nullable: true })
  schoolSelection!: string[] | null;

  @Column({ type: 'simple-json', nullable: true })
  notifyEmails!: string[] | null;

  /** Addresses of notifyEmails told only about failed runs and Resets (the others hear of every run). */
  @Column({ type: 'simple-json', nullable: true })
  notifyProblemsOnly!: string[] | null;

  /** A Reset deleting more than this percent of any entity type is refused. */
  @Column({ type: 'int', default: 10 })
  resetDeleteThreshold!: number;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
