import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { District } from './district.entity.js';
import { PersonRole } from './roster-enums.js';
import { RosterRecordColumns } from './roster-record.columns.js';

@Entity('person')
@Index('UQ_person_district_source', ['districtId', 'sourceId'], { unique: true })
@Index('IDX_person_district_role', ['districtId', 'role'])
@Index('IDX_person_district_email', ['districtId', 'email'])
// Serves the roster order (roster-order.ts): family name, given name, then id (InnoDB appends the id).
@Index('IDX_person_district_name', ['districtId', 'familyName', 'givenName'])
export class Person extends RosterRecordColumns {
  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'districtId' })
  district?: Relation<District>;

  /** Compared byte for byte on both dialects (a binary collation on MySQL/MariaDB: migration BinarySourceIds). */
  @Column({ type: 'varchar', length: 255 })
  sourceId!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: PersonRole;

  @Column({ type: 'varchar', length: 255 })
  givenName!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  middleName!: string | null;

  @Column({ type: 'varchar', length: 255 })
  familyName!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  username!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sisId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  stateId!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  grade!: string | null;

  /** Additional source fields mapped as `extra.<name>`: canonical JSON (sorted keys), null when none. */
  @Column({ type: 'text', nullable: true })
  extra!: string | null;
}
