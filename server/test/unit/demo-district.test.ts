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
    const d = new DemoDistrict({ students: 10000, referenceDate: '2026-11-23' });
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
    const spring = new DemoDistrict({ students: 10, referenceDate: '2027-03-01' });
    expect(all(spring.termRecords()).map((t) => [t.sourceId, t.fields.startDate, t.fields.endDate])).toEqual([
      ['trm-year', '2026-07-01', '2027-06-30'], ['trm-fall', '2026-07-01', '2026-12-31'], ['trm-spring', '2027-01-01', '2027-06-30'],
    ]);
    expect(new Set(all(spring.sectionRecords()).map((s) => s.termSourceIds[0]))).toEqual(new Set(['trm-year', 'trm-spring']));
    const fall = new DemoDistrict({ students: 10, referenceDate: '2026-09-01' });
    expect(new Set(all(fall.sectionRecords()).map((s) => s.termSourceIds[0]))).toEqual(new Set(['trm-year', 'trm-fall']));
  });

  it('perturbs about the requested share of people between runs', () => {
    const base = all(new DemoDistrict({ students: 4000, referenceDate: '2026-11-23' }).personRecords());
    const next = all(new DemoDistrict({ students: 4000, referenceDate: '2026-11-23', perturbShare: 0.05, perturbSeed: 3 }).personRecords());
    const changed = base.filter((p, i) => p.fields.familyName !== next[i].fields.familyName).length;
    expect(changed / base.length).toBeGreaterThan(0.03);
    expect(changed / base.length).toBeLessThan(0.07);
  });
});
