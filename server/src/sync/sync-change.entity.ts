import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ChangeAction } from './sync-enums.js';
import { SyncRun } from './sync-run.entity.js';

/**
 * One row per updated record (before/after of the changed fields). For a dry run the
 * rows are the plan: every record that would be created, updated or deleted.
 */
@Entity('sync_change')
@Index('IDX_sync_change_run_entity', ['runId', 'entityType', 'action'])
export class SyncChange {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  runId!: number;

  @ManyToOne(() => SyncRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'runId' })
  run?: Relation<SyncRun>;

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
