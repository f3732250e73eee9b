import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { District } from '../roster/district.entity.js';
import { FailureCode, SyncMode, SyncPhase, SyncStatus, SyncTrigger, type RunCounts } from './sync-enums.js';

export interface RunProgress {
  entity?: string;
  processed: Record<string, number>;
  total: Record<string, number>;
  percent: number;
  etaSeconds: number | null;
}

@Entity('sync_run')
@Index('IDX_sync_run_district_created', ['districtId', 'createdAt'])
@Index('IDX_sync_run_status', ['status'])
export class SyncRun {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  districtId!: number;

  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'districtId' })
  district?: Relation<District>;

  /**
   * Equal to districtId while the run is SCHEDULED or IN_PROGRESS, null otherwise:
   * the unique index makes "one active run per district" a database guarantee.
   */
  @Index('UQ_sync_run_active_district', { unique: true })
  @Column({ type: 'int', nullable: true })
  activeDistrictId!: number | null;

  @Column({ type: 'varchar', length: 10 })
  mode!: SyncMode;

  @Column({ type: 'boolean', default: false })
  dryRun!: boolean;

  @Column({ type: 'varchar', length: 12 })
  trigger!: SyncTrigger;

  @Column({ type: 'varchar', length: 255, nullable: true })
  requestedBy!: string | null;

  @Column({ type: 'varchar', length: 12 })
  status!: SyncStatus;

  @Column({ type: 'varchar', length: 12, nullable: true })
  phase!: SyncPhase | null;

  /** The date the run treats as "today" for term and enrollment dates (YYYY-MM-DD). */
  @Column({ type: 'date', nullable: true })
  asOf!: string | null;

  @Column({ type: 'boolean', default: false })
  overrideThreshold!: boolean;

  /** For trigger REVERT: the run being undone. */
  @Column({ type: 'int', nullable: true })
  revertOfRunId!: number | null;

  /** For a non-dry RESET: the dry-run Reset it was confirmed against (the engine checks its deletions still match). */
  @Column({ type: 'int', nullable: true })
  previewRunId!: number | null;

  @Column({ type: 'simple-json', nullable: true })
  counts!: RunCounts | null;

  @Column({ type: 'simple-json', nullable: true })
  issueCounts!: Record<string, number> | null;

  @Column({ type: 'simple-json', nullable: true })
  progress!: RunProgress | null;

  @Column({ type: 'boolean', default: false })
  cancelRequested!: boolean;

  @CreateDateColumn()
  createdAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  /** Written every second by the process executing the run: a stale one means that process died. */
  @Column({ type: 'datetime', nullable: true })
  heartbeatAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** Why it FAILED or was CANCELLED, as a FailureCode (null when it launched, or for older runs). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  failureCode!: FailureCode | null;
}
