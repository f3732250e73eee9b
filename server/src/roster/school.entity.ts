import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { District } from './district.entity.js';
import { RosterRecordColumns } from './roster-record.columns.js';

@Entity('school')
@Index('UQ_school_district_source', ['districtId', 'sourceId'], { unique: true })
export class School extends RosterRecordColumns {
  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'districtId' })
  district?: Relation<District>;

  /** Compared byte for byte on both dialects (a binary collation on MySQL/MariaDB: migration BinarySourceIds). */
  @Column({ type: 'varchar', length: 255 })
  sourceId!: string;

  @Index('IDX_school_name')
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  schoolNumber!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  stateId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ncesId!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  lowGrade!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  highGrade!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  principal!: string | null;

  /** Additional source fields mapped as `extra.<name>`: canonical JSON (sorted keys), null when none. */
  @Column({ type: 'text', nullable: true })
  extra!: string | null;
}
