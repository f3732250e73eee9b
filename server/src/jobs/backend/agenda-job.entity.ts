import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One Agenda job (server/src/jobs/job-repository.ts reads and writes it with plain SQL).
 * Timestamps are epoch milliseconds: exact on both dialects, so "lock only if nextRunAt is
 * still what I saw" comparisons never suffer from DATETIME precision.
 */
@Entity('agenda_job')
@Index('IDX_agenda_job_name_next', ['name', 'nextRunAt', 'priority'])
@Index('IDX_agenda_job_name_locked', ['name', 'lockedAt'])
@Index('IDX_agenda_job_next', ['nextRunAt'])
export class AgendaJob {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 191 })
  name!: string;

  @Column({ type: 'int', default: 0 })
  priority!: number;

  /** 'normal' or 'single' (one job per name, used by agenda.every). */
  @Column({ type: 'varchar', length: 10, default: 'normal' })
  type!: string;

  @Column({ type: 'bigint', nullable: true })
  nextRunAt!: string | number | null;

  @Column({ type: 'bigint', nullable: true })
  lockedAt!: string | number | null;

  @Column({ type: 'bigint', nullable: true })
  lastRunAt!: string | number | null;

  @Column({ type: 'bigint', nullable: true })
  lastFinishedAt!: string | number | null;

  @Column({ type: 'bigint', nullable: true })
  failedAt!: string | number | null;

  @Column({ type: 'int', nullable: true })
  failCount!: number | null;

  @Column({ type: 'text', nullable: true })
  failReason!: string | null;

  /** A cron expression, a human interval or milliseconds (JSON-encoded to keep the type). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  repeatInterval!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  repeatTimezone!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  repeatAt!: string | null;

  /** The job payload as JSON. */
  @Column({ type: 'text', nullable: true })
  data!: string | null;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ type: 'double', nullable: true })
  progress!: number | null;

  @Column({ type: 'boolean', default: false })
  fork!: boolean;

  @Column({ type: 'varchar', length: 255, nullable: true })
  lastModifiedBy!: string | null;

  @Column({ type: 'bigint', nullable: true })
  debounceStartedAt!: string | number | null;

  @Column({ type: 'bigint', nullable: true })
  startDate!: string | number | null;

  @Column({ type: 'bigint', nullable: true })
  endDate!: string | number | null;

  /** JSON array of weekdays (0 = Sunday) the job skips. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  skipDays!: string | null;
}
