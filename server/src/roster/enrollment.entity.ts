import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Person } from './person.entity.js';
import { PersonRole } from './roster-enums.js';
import { RosterRecordColumns } from './roster-record.columns.js';
import { Section } from './section.entity.js';

/**
 * Keyed by (section, person, role): the same class membership arriving under a new
 * source id is the same enrollment, not a delete and a create.
 */
@Entity('enrollment')
@Index('UQ_enrollment_section_person_role', ['sectionId', 'personId', 'role'], { unique: true })
@Index('IDX_enrollment_person', ['personId'])
@Index('IDX_enrollment_district', ['districtId'])
export class Enrollment extends RosterRecordColumns {
  /** Compared byte for byte on both dialects (a binary collation on MySQL/MariaDB: migration BinarySourceIds). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  sourceId!: string | null;

  @Column({ type: 'int' })
  sectionId!: number;

  @ManyToOne(() => Section, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sectionId' })
  section?: Relation<Section>;

  @Column({ type: 'int' })
  personId!: number;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: Relation<Person>;

  @Column({ type: 'varchar', length: 16 })
  role!: PersonRole;

  /** True for the primary teacher, false for co-teachers and students. */
  @Column({ type: 'boolean', default: false })
  primary!: boolean;

  @Column({ type: 'date', nullable: true })
  beginDate!: string | null;

  @Column({ type: 'date', nullable: true })
  endDate!: string | null;
}
