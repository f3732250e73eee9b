import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { District } from './district.entity.js';
import { RosterRecordColumns } from './roster-record.columns.js';

@Entity('term')
@Index('UQ_term_district_source', ['districtId', 'sourceId'], { unique: true })
export class Term extends RosterRecordColumns {
  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'districtId' })
  district?: Relation<District>;

  /** Compared byte for byte on both dialects (a binary collation on MySQL/MariaDB: migration BinarySourceIds). */
  @Column({ type: 'varchar', length: 255 })
  sourceId!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ type: 'date', nullable: true })
  endDate!: string | null;
}
