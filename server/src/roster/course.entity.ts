import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { District } from './district.entity.js';
import { RosterRecordColumns } from './roster-record.columns.js';

@Entity('course')
@Index('UQ_course_district_source', ['districtId', 'sourceId'], { unique: true })
export class Course extends RosterRecordColumns {
  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'districtId' })
  district?: Relation<District>;

  /** Compared byte for byte on both dialects (a binary collation on MySQL/MariaDB: migration BinarySourceIds). */
  @Column({ type: 'varchar', length: 255 })
  sourceId!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  number!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  subject!: string | null;
}
