import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Person } from './person.entity.js';
import { School } from './school.entity.js';

/** A person's membership in a school; rewritten by each sync that touches the person. */
@Entity('person_school')
@Index('IDX_person_school_school', ['schoolId'])
export class PersonSchool {
  @PrimaryColumn({ type: 'int' })
  personId!: number;

  @PrimaryColumn({ type: 'int' })
  schoolId!: number;

  @Column({ type: 'int' })
  districtId!: number;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: Relation<Person>;

  @ManyToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schoolId' })
  school?: Relation<School>;
}
