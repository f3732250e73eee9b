import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IssueSeverity } from './sync-enums.js';

@Entity('sync_issue')
@Index('IDX_sync_issue_run_code', ['runId', 'code'])
@Index('IDX_sync_issue_run_source', ['runId', 'sourceId'])
export class SyncIssue {
  @PrimaryGeneratedColumn()
  id!: number;

  /**
   * No foreign key on purpose: InnoDB would share-lock the run row for every row written by
   * an apply transaction, blocking the run's own progress and heartbeat updates.
   */
  @Column({ type: 'int' })
  runId!: number;

  @Column({ type: 'varchar', length: 10 })
  severity!: IssueSeverity;

  @Column({ type: 'varchar', length: 16 })
  entityType!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  sourceId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'text' })
  message!: string;

  /** The record's name as the source sent it (a school's, a section's), so screens never parse it out of the message. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  recordName!: string | null;

  @CreateDateColumn()
  createdAt!: Date;
}
