import { PersonRole, SourceKind, type EntityType } from '../../src/roster/roster-enums.js';
import type { FieldMappingTable, RosterSource, SourceRecordOf } from '../../src/sync/sources/roster-source.js';
import { DemoSource } from '../../src/sync/sources/demo.source.js';

export type FixtureData = { [E in EntityType]: Array<SourceRecordOf[E]> };

/** A small hand-shaped district, edited per test step, served through the RosterSource interface. */
export class FixtureSource implements RosterSource {
  readonly kind = SourceKind.DEMO;
  failOn: EntityType | null = null;
  /** Milliseconds to wait before each record: a slow source. */
  delayMs = 0;

  constructor(public data: FixtureData) {}

  defaultMappings(): FieldMappingTable {
    return new DemoSource({ students: 1 }).defaultMappings();
  }

  async *records<E extends EntityType>(entity: E): AsyncIterable<SourceRecordOf[E]> {
    for (const r of this.data[entity] as Array<SourceRecordOf[E]>) {
      if (this.failOn === entity) throw new Error(`connection reset while reading ${entity}`);
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      yield structuredClone(r);
    }
  }
}

const person = (id: string, role: PersonRole, school: string, given: string, family: string) => ({
  sourceId: id,
  role,
  schoolSourceIds: [school],
  fields: { givenName: given, familyName: family, email: `${id}@example.org` },
});

/** Two schools, a year term, two sections with a primary teacher, a co-teacher and students. */
export function smallDistrict(): FixtureData {
  const data: FixtureData = {
    schools: [
      { sourceId: 'S1', fields: { name: 'North Elementary' } },
      { sourceId: 'S2', fields: { name: 'South Middle' } },
    ],
    terms: [
      { sourceId: 'Y', fields: { name: 'Year', startDate: '2026-08-01', endDate: '2027-06-30' } },
      { sourceId: 'OLD', fields: { name: 'Last Year', startDate: '2025-08-01', endDate: '2026-06-30' } },
    ],
    courses: [{ sourceId: 'C1', fields: { name: 'Math' } }],
    people: [
      person('T1', PersonRole.TEACHER, 'S1', 'Ada', 'Lovelace'),
      person('T2', PersonRole.TEACHER, 'S1', 'Alan', 'Turing'),
      person('T3', PersonRole.TEACHER, 'S2', 'Grace', 'Hopper'),
      ...Array.from({ length: 10 }, (_, i) => person(`P${i + 1}`, PersonRole.STUDENT, i < 5 ? 'S1' : 'S2', `Kid${i + 1}`, 'Student')),
    ],
    sections: [
      { sourceId: 'SEC1', schoolSourceId: 'S1', courseSourceId: 'C1', termSourceIds: ['Y'], fields: { name: 'Math 1' } },
      { sourceId: 'SEC2', schoolSourceId: 'S2', courseSourceId: 'C1', termSourceIds: ['Y'], fields: { name: 'Math 2' } },
      { sourceId: 'SECOLD', schoolSourceId: 'S1', courseSourceId: 'C1', termSourceIds: ['OLD'], fields: { name: 'Old Math' } },
    ],
    enrollments: [
      { sourceId: null, sectionSourceId: 'SEC1', personSourceId: 'T1', role: PersonRole.TEACHER, primary: true },
      { sourceId: null, sectionSourceId: 'SEC1', personSourceId: 'T2', role: PersonRole.TEACHER, primary: false },
      { sourceId: null, sectionSourceId: 'SEC2', personSourceId: 'T3', role: PersonRole.TEACHER, primary: true },
      ...Array.from({ length: 10 }, (_, i) => ({
        sourceId: null,
        sectionSourceId: i < 5 ? 'SEC1' : 'SEC2',
        personSourceId: `P${i + 1}`,
        role: PersonRole.STUDENT,
        primary: false,
      })),
    ],
  };
  return data;
}
