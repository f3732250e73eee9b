import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ChangeAction } from './sync-enums.js';

/**
 * The complete change record of a run: one row per record it created, updated (before and
 * after of the changed fields), deleted or restored. For a dry run the rows are the plan.
 * The partner change feed reads a district's rows in id order.
 */
@Entity('sync_change')
@Index('IDX_sync_change_run_entity', ['runId', 'entityType', 'action'])
@Index('IDX_sync_change_district', ['districtId', 'id'])
// One record's history (a person page: the person's rows and their enrollments' rows).
@Index('IDX_sync_change_entity', ['districtId', 'entityType', 'entityId'])
export class SyncChange {
  @PrimaryGeneratedColumn()
  id!: number;

  /**
   * No foreign key on purpose: InnoDB would share-lock the run row for every row written by
   * an apply transaction, blocking the run's own progress and heartbeat updates.
   */
  @Column({ type: 'int' })
  runId!: number;

  /** The run's district, so a district's changes read in id order without a join. */
  @Column({ type: 'int', nullable: true })
  districtId!: number | null;

  @Column({ type: 'varchar', length: 16 })
  entityType!: string;

  @Column({ type: 'int', nullable: true })
  entityId!: number | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  sourceId!: string | null;

  @Column({ type: 'varchar', length: 10 })
  action!: ChangeAction;

  @Column({ type: 'simple-json', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'simple-json', nullable: true })
  after!: Record<string, unknown> | null;

  @CreateDateColumn()
  createdAt!: Date;
}
