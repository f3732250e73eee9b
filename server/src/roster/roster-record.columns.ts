import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Bookkeeping every roster record carries. Creations and deletions are
 * written on the record itself so the change log only needs rows for updates.
 */
export abstract class RosterRecordColumns {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  districtId!: number;

  @Column({ type: 'int', nullable: true })
  createdByRunId!: number | null;

  @Column({ type: 'int', nullable: true })
  updatedByRunId!: number | null;

  @Column({ type: 'int', nullable: true })
  lastSeenRunId!: number | null;

  @Column({ type: 'datetime', nullable: true })
  deletedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  deletedByRunId!: number | null;

  /**
   * Set when the source still sends the record but it is not active on the sync date (last
   * year's sections): hidden from the live roster, kept with its id, never counted as deleted.
   */
  @Column({ type: 'datetime', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  endedByRunId!: number | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
