import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ChangeAction } from './sync-enums.js';

/**
 * One row per updated record (before/after of the changed fields). For a dry run the
 * rows are the plan: every record that would be created, updated or deleted.
 */
@Entity('sync_change')
@Index('IDX_sync_change_run_entity', ['runId', 'entityType', 'action'])
export class SyncChange {
  @PrimaryGeneratedColumn()
  id!: number;

  /**
   * No foreign key on purpose: InnoDB would share-lock the run row for every row written by
   * an apply transaction, blocking the run's own progress and heartbeat updates.
   */
  @Column({ type: 'int' })
  runId!: number;

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
