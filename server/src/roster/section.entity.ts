import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Course } from './course.entity.js';
import { District } from './district.entity.js';
import { RosterRecordColumns } from './roster-record.columns.js';
import { School } from './school.entity.js';
import { Term } from './term.entity.js';

@Entity('section')
@Index('UQ_section_district_source', ['districtId', 'sourceId'], { unique: true })
@Index('IDX_section_school', ['schoolId'])
// A school's sections in roster order (roster-order.ts): name, then id.
@Index('IDX_section_school_name', ['schoolId', 'name'])
@Index('IDX_section_term', ['termId'])
@Index('IDX_section_course', ['courseId'])
@Index('IDX_section_predecessor', ['predecessorId'])
export class Section extends RosterRecordColumns {
  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'districtId' })
  district?: Relation<District>;

  /** Compared byte for byte on both dialects (a binary collation on MySQL/MariaDB: migration BinarySourceIds). */
  @Column({ type: 'varchar', length: 255 })
  sourceId!: string;

  @Column({ type: 'int' })
  schoolId!: number;

  @ManyToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schoolId' })
  school?: Relation<School>;

  @Column({ type: 'int', nullable: true })
  courseId!: number | null;

  @ManyToOne(() => Course, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'courseId' })
  course?: Relation<Course>;

  @Column({ type: 'int', nullable: true })
  termId!: number | null;

  @ManyToOne(() => Term, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'termId' })
  term?: Relation<Term>;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sectionNumber!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  period!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  grade!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  subject!: string | null;

  /**
   * The ended section this one most likely continues (same school; see
   * sync/engine/section-continuity.ts), set by the run that created or restored it.
   * No foreign key: a section is never hard-deleted, and SQLite would rebuild the table.
   */
  @Column({ type: 'int', nullable: true })
  predecessorId!: number | null;

  /** Which rule named the predecessor: SAME_TEACHER or SAME_PERIOD (SectionContinuityRule). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  predecessorRule!: string | null;

  /** Additional source fields mapped as `extra.<name>`: canonical JSON (sorted keys), null when none. */
  @Column({ type: 'text', nullable: true })
  extra!: string | null;
}
