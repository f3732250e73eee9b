import { DemoDistrict, type DemoOptions } from '../../demo/demo-district.generator.js';
import { SourceKind, type EntityType } from '../../roster/roster-enums.js';
import type { FieldMappingTable, RosterSource, SourceRecordOf } from './roster-source.js';

/** The demo generator names its fields like Homeroom does. */
export const DEMO_MAPPINGS: FieldMappingTable = {
  schools: {
    name: 'name',
    schoolNumber: 'schoolNumber',
    stateId: 'stateId',
    ncesId: 'ncesId',
    lowGrade: 'lowGrade',
    highGrade: 'highGrade',
    principal: 'principal',
  },
  terms: { name: 'name', startDate: 'startDate', endDate: 'endDate' },
  courses: { name: 'name', number: 'number', subject: 'subject' },
  people: {
    givenName: 'givenName',
    middleName: 'middleName',
    familyName: 'familyName',
    email: 'email',
    username: 'username',
    sisId: 'sisId',
    stateId: 'stateId',
    grade: 'grade',
  },
  sections: { name: 'name', sectionNumber: 'sectionNumber', period: 'period', grade: 'grade', subject: 'subject' },
};

/** The generated district (DemoDistrict) as a rostering source. */
export class DemoSource implements RosterSource {
  readonly kind = SourceKind.DEMO;
  private readonly district: DemoDistrict;

  constructor(options: DemoOptions & { name?: string }) {
    this.district = new DemoDistrict(options);
  }

  defaultMappings(): FieldMappingTable {
    return DEMO_MAPPINGS;
  }

  async *records<E extends EntityType>(entity: E, signal?: AbortSignal): AsyncIterable<SourceRecordOf[E]> {
    const d = this.district;
    const generators = {
      schools: () => d.schoolRecords(),
      terms: () => d.termRecords(),
      courses: () => d.courseRecords(),
      people: () => d.personRecords(),
      sections: () => d.sectionRecords(),
      enrollments: () => d.enrollmentRecords(),
    } as const;
    let n = 0;
    for (const record of generators[entity]()) {
      if (++n % 5000 === 0) {
        signal?.throwIfAborted();
        await new Promise((r) => setImmediate(r)); // keep the event loop (progress, cancel) responsive
      }
      yield record as SourceRecordOf[E];
    }
  }

  async describe() {
    const counts: Partial<Record<EntityType, number>> = {};
    for (const e of ['schools', 'people', 'sections'] as EntityType[]) {
      let n = 0;
      for await (const _ of this.records(e)) n++;
      counts[e] = n;
    }
    return { districtName: null, counts };
  }
}
