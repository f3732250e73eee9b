import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { IssueSeverity } from './sync-enums.js';
import { SyncRun } from './sync-run.entity.js';

@Entity('sync_issue')
@Index('IDX_sync_issue_run_code', ['runId', 'code'])
@Index('IDX_sync_issue_run_source', ['runId', 'sourceId'])
export class SyncIssue {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  runId!: number;

  @ManyToOne(() => SyncRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'runId' })
  run?: Relation<SyncRun>;

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

  @CreateDateColumn()
  createdAt!: Date;
}
