import { describe, expect, it } from '@jest/globals';
import { DemoDistrict } from '../../src/demo/demo-district.generator.js';

const all = <T>(g: Iterable<T>) => [...g];

describe('demo district generator', () => {
  it('is deterministic: same options, same records', () => {
    const a = new DemoDistrict({ students: 1200, seed: 7, referenceDate: '2026-11-23' });
    const b = new DemoDistrict({ students: 1200, seed: 7, referenceDate: '2026-11-23' });
    expect(all(b.personRecords())).toEqual(all(a.personRecords()));
    expect(all(b.enrollmentRecords())).toEqual(all(a.enrollmentRecords()));
    const other = new DemoDistrict({ students: 1200, seed: 8, referenceDate: '2026-11-23' });
    expect(all(other.personRecords())).not.toEqual(all(a.personRecords()));
  });

  it('has realistic proportions', () => {
    // One school year's proportions (next year's sections are counted in the test below).
    const d = new DemoDistrict({ students: 10000, referenceDate: '2026-11-23', nextYear: false });
    const people = all(d.personRecords());
    const students = people.filter((p) => p.role === 'STUDENT').length;
    const teachers = people.length - students;
    const sections = all(d.sectionRecords());
    const enrollments = all(d.enrollmentRecords());
    const studentEnrollments = enrollments.filter((e) => e.role === 'STUDENT').length;
    const coTeachers = enrollments.filter((e) => e.role === 'TEACHER' && !e.primary).length;
    expect(students).toBe(10000);
    expect(all(d.schoolRecords())).toHaveLength(20); // one school per 500 students
    expect(teachers).toBe(500); // one teacher per 20 students
    expect(studentEnrollments / students).toBeCloseTo(6.5, 1); // 6–7 sections per student
    expect(studentEnrollments / sections.length).toBeGreaterThan(22);
    expect(studentEnrollments / sections.length).toBeLessThanOrEqual(25);
    expect(coTeachers / sections.length).toBeGreaterThan(0.07);
    expect(coTeachers / sections.length).toBeLessThan(0.13);
    expect(new Set(sections.map((s) => s.sourceId)).size).toBe(sections.length);
  });

  it('covers the reference date with a school year and two semesters', () => {
    const spring = new DemoDistrict({ students: 10, referenceDate: '2027-03-01', nextYear: false });
    expect(all(spring.termRecords()).map((t) => [t.sourceId, t.fields.startDate, t.fields.endDate])).toEqual([
      ['trm-year', '2026-07-01', '2027-06-30'],
      ['trm-fall', '2026-07-01', '2026-12-31'],
      ['trm-spring', '2027-01-01', '2027-06-30'],
    ]);
    expect(new Set(all(spring.sectionRecords()).map((s) => s.termSourceIds[0]))).toEqual(new Set(['trm-year', 'trm-spring']));
    const fall = new DemoDistrict({ students: 10, referenceDate: '2026-09-01', nextYear: false });
    expect(new Set(all(fall.sectionRecords()).map((s) => s.termSourceIds[0]))).toEqual(new Set(['trm-year', 'trm-fall']));
  });

  it('carries next school year: its terms, sections under new ids, enrollments from its first day', () => {
    const one = new DemoDistrict({ students: 1000, referenceDate: '2026-11-23', nextYear: false });
    const two = new DemoDistrict({ students: 1000, referenceDate: '2026-11-23' });
    expect(all(two.termRecords()).map((t) => [t.sourceId, t.fields.startDate, t.fields.endDate])).toEqual([
      ['trm-year', '2026-07-01', '2027-06-30'],
      ['trm-fall', '2026-07-01', '2026-12-31'],
      ['trm-spring', '2027-01-01', '2027-06-30'],
      ['trm-next-year', '2027-08-15', '2028-06-30'],
      ['trm-next-fall', '2027-08-15', '2027-12-31'],
      ['trm-next-spring', '2028-01-01', '2028-06-30'],
    ]);
    // This year's records are exactly the one-year district's: syncs inside this year keep their counts.
    const thisYear = all(two.sectionRecords()).filter((s) => !s.sourceId.endsWith('-n') && !s.sourceId.endsWith('-n-spring'));
    expect(thisYear).toEqual(all(one.sectionRecords()));
    const key = (e: object) => JSON.stringify(e);
    expect(
      new Set(
        all(two.enrollmentRecords())
          .filter((e) => !/-n(-spring)?$/.test(e.sectionSourceId))
          .map(key),
      ),
    ).toEqual(new Set(all(one.enrollmentRecords()).map(key)));
    expect(all(two.personRecords())).toEqual(all(one.personRecords()));
    const next = all(two.sectionRecords()).filter((s) => s.termSourceIds[0].startsWith('trm-next-'));
    const fallOrYear = next.filter((s) => s.termSourceIds[0] !== 'trm-next-spring');
    expect(fallOrYear).toHaveLength(thisYear.length);
    expect(next.filter((s) => s.termSourceIds[0] === 'trm-next-spring').length).toBe(next.filter((s) => s.termSourceIds[0] === 'trm-next-fall').length);
    const nextEnrollments = all(two.enrollmentRecords()).filter((e) => /-n(-spring)?$/.test(e.sectionSourceId));
    expect(new Set(nextEnrollments.filter((e) => !e.sectionSourceId.endsWith('-spring')).map((e) => e.beginDate))).toEqual(new Set(['2027-08-15']));
    expect(new Set(nextEnrollments.filter((e) => e.sectionSourceId.endsWith('-spring')).map((e) => e.beginDate))).toEqual(new Set(['2028-01-01']));
    // Mostly the same primary teachers, course for course; about one section in ten changes hands.
    const primary = (records: ReturnType<typeof all<any>>) =>
      new Map(records.filter((e: any) => e.primary).map((e: any) => [e.sectionSourceId, e.personSourceId]));
    const nowTeachers = primary(all(one.enrollmentRecords()));
    const nextTeachers = primary(nextEnrollments);
    const same = thisYear.filter((s) => nowTeachers.get(s.sourceId) === nextTeachers.get(`${s.sourceId}-n`)).length;
    expect(same / thisYear.length).toBeGreaterThan(0.8);
    expect(same / thisYear.length).toBeLessThan(0.97);
    expect(all(new DemoDistrict({ students: 1000, referenceDate: '2026-11-23' }).enrollmentRecords())).toEqual(all(two.enrollmentRecords()));
  });

  it('perturbs about the requested share of people between runs', () => {
    const base = all(new DemoDistrict({ students: 4000, referenceDate: '2026-11-23' }).personRecords());
    const next = all(new DemoDistrict({ students: 4000, referenceDate: '2026-11-23', perturbShare: 0.05, perturbSeed: 3 }).personRecords());
    const changed = base.filter((p, i) => p.fields.familyName !== next[i].fields.familyName).length;
    expect(changed / base.length).toBeGreaterThan(0.03);
    expect(changed / base.length).toBeLessThan(0.07);
  });
});
