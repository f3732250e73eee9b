import { PersonRole } from '../roster/roster-enums.js';
import type { CourseRecord, EnrollmentRecord, PersonRecord, SchoolRecord, SectionRecord, TermRecord } from '../sync/sources/roster-source.js';
import { FAMILY_NAMES, GIVEN_NAMES, SCHOOL_NAMES, SUBJECTS } from './demo-names.js';
import { hashRandom, pick } from './seeded-random.js';

export interface DemoOptions {
  students: number;
  seed?: number;
  /** Any date inside the school year to generate (YYYY-MM-DD); default today. */
  referenceDate?: string;
  /** Share (0..1) of people and sections whose fields differ, and of enrollments dropped, as in a later export. */
  perturbShare?: number;
  perturbSeed?: number;
  /**
   * Also carry next school year, as real exports do before a rollover (default true): its
   * terms (first day Aug 15), its sections under new source ids (same courses, mostly the same
   * teachers, a fall and a spring section for each semester one) and their enrollments, which
   * begin on next year's first day. A sync as of a date in this year ends nothing new and
   * creates none of it: its terms are not active yet.
   */
  nextYear?: boolean;
}

interface YearDates {
  start: string;
  end: string;
  springStart: string;
  fallEnd: string;
  label: string;
}

/** One generated section: where it sits and who teaches it. */
interface SectionSlot {
  s: SchoolPlan;
  p: number;
  k: number;
  sourceId: string;
  termId: string;
  primary: number;
  /** Enrollment dates: null for this year (the demo always sent none), the term's for next year. */
  beginDate: string | null;
  endDate: string | null;
}

const PERIODS = 7;
const STUDENTS_PER_SCHOOL = 500;
const STUDENTS_PER_TEACHER = 20;
const STUDENTS_PER_SECTION = 25;
const BANDS = [
  { label: 'Elementary', low: 'K', high: '5', grades: ['K', '1', '2', '3', '4', '5'] },
  { label: 'Middle', low: '6', high: '8', grades: ['6', '7', '8'] },
  { label: 'High', low: '9', high: '12', grades: ['9', '10', '11', '12'] },
];
const pad = (n: number, w = 6) => String(n).padStart(w, '0');

interface SchoolPlan {
  index: number;
  firstStudent: number;
  students: number;
  firstTeacher: number;
  teachers: number;
  sectionsPerPeriod: number;
  band: (typeof BANDS)[number];
}

/**
 * A deterministic district: the same options always give the same records, and every
 * record is computed from its index so the district streams without being held in memory.
 */
export class DemoDistrict {
  readonly seed: number;
  readonly schools: SchoolPlan[] = [];
  readonly schoolYear: YearDates;
  /** Next school year (its start is the first day of school), carried unless `nextYear: false`. */
  readonly nextSchoolYear: YearDates;
  private readonly referenceDate: string;

  constructor(readonly options: DemoOptions) {
    this.seed = options.seed ?? 42;
    const ref = options.referenceDate ?? new Date().toISOString().slice(0, 10);
    this.referenceDate = ref;
    const [y, m] = ref.split('-').map(Number);
    const startYear = m >= 7 ? y : y - 1;
    this.schoolYear = {
      start: `${startYear}-07-01`,
      fallEnd: `${startYear}-12-31`,
      springStart: `${startYear + 1}-01-01`,
      end: `${startYear + 1}-06-30`,
      label: `${startYear}-${String(startYear + 1).slice(2)}`,
    };
    this.nextSchoolYear = {
      start: `${startYear + 1}-08-15`,
      fallEnd: `${startYear + 1}-12-31`,
      springStart: `${startYear + 2}-01-01`,
      end: `${startYear + 2}-06-30`,
      label: `${startYear + 1}-${String(startYear + 2).slice(2)}`,
    };
    const schoolCount = Math.max(1, Math.round(options.students / STUDENTS_PER_SCHOOL));
    let student = 0;
    let teacher = 0;
    for (let s = 0; s < schoolCount; s++) {
      const students = Math.floor(options.students / schoolCount) + (s < options.students % schoolCount ? 1 : 0);
      const teachers = Math.max(1, Math.round(students / STUDENTS_PER_TEACHER));
      this.schools.push({
        index: s,
        firstStudent: student,
        students,
        firstTeacher: teacher,
        teachers,
        sectionsPerPeriod: Math.max(1, Math.ceil(students / STUDENTS_PER_SECTION)),
        band: BANDS[s % BANDS.length],
      });
      student += students;
      teacher += teachers;
    }
  }

  private perturbed(stream: number, index: number): boolean {
    const share = this.options.perturbShare ?? 0;
    return share > 0 && hashRandom(this.options.perturbSeed ?? 1, stream, index) < share;
  }

  schoolId(s: number) {
    return `sch-${pad(s + 1, 4)}`;
  }
  teacherId(t: number) {
    return `tch-${pad(t + 1)}`;
  }
  studentId(i: number) {
    return `stu-${pad(i + 1)}`;
  }
  sectionId(s: number, period: number, k: number) {
    return `sec-${pad(s + 1, 4)}-${period + 1}-${pad(k + 1, 3)}`;
  }
  courseId(s: number, period: number) {
    return `crs-${pad(s + 1, 4)}-${period + 1}`;
  }

  *schoolRecords(): Generator<SchoolRecord> {
    for (const s of this.schools) {
      const name = `${SCHOOL_NAMES[s.index % SCHOOL_NAMES.length]} ${s.band.label}${s.index >= SCHOOL_NAMES.length ? ` ${Math.floor(s.index / SCHOOL_NAMES.length) + 1}` : ''}`;
      yield {
        sourceId: this.schoolId(s.index),
        fields: {
          name: `${name} School`,
          schoolNumber: String(100 + s.index),
          stateId: `ST-${pad(s.index + 1, 5)}`,
          ncesId: String(360000000000 + s.index),
          lowGrade: s.band.low,
          highGrade: s.band.high,
          principal: `${pick(GIVEN_NAMES, hashRandom(this.seed, 1, s.index))} ${pick(FAMILY_NAMES, hashRandom(this.seed, 2, s.index))}`,
        },
      };
    }
  }

  get carriesNextYear(): boolean {
    return this.options.nextYear ?? true;
  }

  *termRecords(): Generator<TermRecord> {
    const y = this.schoolYear;
    yield { sourceId: 'trm-year', fields: { name: `School Year ${y.label}`, startDate: y.start, endDate: y.end } };
    yield { sourceId: 'trm-fall', fields: { name: `Fall ${y.label}`, startDate: y.start, endDate: y.fallEnd } };
    yield { sourceId: 'trm-spring', fields: { name: `Spring ${y.label}`, startDate: y.springStart, endDate: y.end } };
    if (!this.carriesNextYear) return;
    const n = this.nextSchoolYear;
    yield { sourceId: 'trm-next-year', fields: { name: `School Year ${n.label}`, startDate: n.start, endDate: n.end } };
    yield { sourceId: 'trm-next-fall', fields: { name: `Fall ${n.label}`, startDate: n.start, endDate: n.fallEnd } };
    yield { sourceId: 'trm-next-spring', fields: { name: `Spring ${n.label}`, startDate: n.springStart, endDate: n.end } };
  }

  *courseRecords(): Generator<CourseRecord> {
    for (const s of this.schools) {
      for (let p = 0; p < PERIODS; p++) {
        const subject = SUBJECTS[(p + s.index) % SUBJECTS.length];
        yield {
          sourceId: this.courseId(s.index, p),
          fields: { name: `${subject} ${s.band.label}`, number: `${subject.slice(0, 3).toUpperCase()}-${s.index + 1}${p + 1}`, subject },
        };
      }
    }
  }

  private person(role: PersonRole, index: number, school: SchoolPlan): PersonRecord {
    const stream = role === PersonRole.TEACHER ? 10 : 20;
    const given = pick(GIVEN_NAMES, hashRandom(this.seed, stream, index));
    let family = pick(FAMILY_NAMES, hashRandom(this.seed, stream + 1, index));
    if (this.perturbed(stream, index)) family = `${family}-${pick(FAMILY_NAMES, hashRandom(this.seed, stream + 2, index))}`;
    const id = role === PersonRole.TEACHER ? this.teacherId(index) : this.studentId(index);
    const grade = role === PersonRole.STUDENT ? school.band.grades[index % school.band.grades.length] : null;
    const username = `${given}.${family}${index + 1}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
    return {
      sourceId: id,
      role,
      schoolSourceIds: [this.schoolId(school.index)],
      fields: {
        givenName: given,
        middleName: null,
        familyName: family,
        grade,
        email: `${username}@${role === PersonRole.TEACHER ? 'staff.' : 'students.'}demo.k12.us`,
        username,
        sisId: `${role === PersonRole.TEACHER ? 'T' : 'S'}${pad(index + 1, 7)}`,
        stateId: `${pad(index + 1000000, 8)}`,
      },
    };
  }

  *personRecords(): Generator<PersonRecord> {
    for (const s of this.schools) for (let t = 0; t < s.teachers; t++) yield this.person(PersonRole.TEACHER, s.firstTeacher + t, s);
    for (const s of this.schools) for (let i = 0; i < s.students; i++) yield this.person(PersonRole.STUDENT, s.firstStudent + i, s);
  }

  /** A third of the sections run all year, the rest in the semester holding the reference date. */
  private sectionTerm(s: SchoolPlan, p: number, k: number): string {
    if ((p + k + s.index) % 3 === 0) return 'trm-year';
    return this.referenceDate > this.schoolYear.fallEnd ? 'trm-spring' : 'trm-fall';
  }

  private primaryTeacher(s: SchoolPlan, p: number, k: number): number {
    return s.firstTeacher + ((p * s.sectionsPerPeriod + k) % s.teachers);
  }

  /**
   * Next year's primary teacher: mostly this year's; one section in ten (where the school has a
   * teacher free that period) goes to a teacher who did not teach the course this year, so
   * continuity falls back to "same course and period" for it.
   */
  private nextPrimaryTeacher(s: SchoolPlan, p: number, k: number): number {
    const n = s.index * 10000 + p * 1000 + k;
    if (s.teachers > s.sectionsPerPeriod && hashRandom(this.seed, 60, n) < 0.1) {
      // This year's teachers of course p hold offsets p*spp … p*spp+spp-1 (mod teachers): the next offset is free.
      return s.firstTeacher + (((p + 1) * s.sectionsPerPeriod) % s.teachers);
    }
    return this.primaryTeacher(s, p, k);
  }

  /** Every section of one school and period: this year's, then next year's (a semester section twice: fall and spring). */
  private *slots(s: SchoolPlan, p: number): Generator<SectionSlot> {
    for (let k = 0; k < s.sectionsPerPeriod; k++) {
      yield {
        s,
        p,
        k,
        sourceId: this.sectionId(s.index, p, k),
        termId: this.sectionTerm(s, p, k),
        primary: this.primaryTeacher(s, p, k),
        beginDate: null,
        endDate: null,
      };
    }
    if (!this.carriesNextYear) return;
    const y = this.nextSchoolYear;
    for (let k = 0; k < s.sectionsPerPeriod; k++) {
      const primary = this.nextPrimaryTeacher(s, p, k);
      const base = `${this.sectionId(s.index, p, k)}-n`;
      if ((p + k + s.index) % 3 === 0) {
        yield { s, p, k, sourceId: base, termId: 'trm-next-year', primary, beginDate: y.start, endDate: y.end };
        continue;
      }
      yield { s, p, k, sourceId: base, termId: 'trm-next-fall', primary, beginDate: y.start, endDate: y.fallEnd };
      yield { s, p, k, sourceId: `${base}-spring`, termId: 'trm-next-spring', primary, beginDate: y.springStart, endDate: y.end };
    }
  }

  *sectionRecords(): Generator<SectionRecord> {
    for (const s of this.schools) {
      for (let p = 0; p < PERIODS; p++) {
        for (const slot of this.slots(s, p)) {
          const k = slot.k;
          const subject = SUBJECTS[(p + s.index) % SUBJECTS.length];
          const n = s.index * 10000 + p * 1000 + k;
          const renamed = slot.beginDate === null && this.perturbed(30, n) ? ' (moved)' : '';
          yield {
            sourceId: slot.sourceId,
            schoolSourceId: this.schoolId(s.index),
            courseSourceId: this.courseId(s.index, p),
            termSourceIds: [slot.termId],
            fields: {
              name: `${subject} ${s.band.label} - Period ${p + 1}${renamed}`,
              sectionNumber: `${p + 1}${pad(k + 1, 2)}`,
              period: String(p + 1),
              grade: s.band.grades[k % s.band.grades.length],
              subject,
            },
          };
        }
      }
    }
  }

  *enrollmentRecords(): Generator<EnrollmentRecord> {
    for (const s of this.schools) {
      for (let p = 0; p < PERIODS; p++) {
        const slots = [...this.slots(s, p)];
        for (const slot of slots) {
          const dates = slot.beginDate === null ? {} : { beginDate: slot.beginDate, endDate: slot.endDate };
          yield {
            sourceId: null,
            sectionSourceId: slot.sourceId,
            personSourceId: this.teacherId(slot.primary),
            role: PersonRole.TEACHER,
            primary: true,
            ...dates,
          };
          const n = s.index * 10000 + p * 1000 + slot.k;
          if (s.teachers > 1 && hashRandom(this.seed, 40, n) < 0.1) {
            const co = s.firstTeacher + ((slot.primary - s.firstTeacher + 1 + Math.floor(hashRandom(this.seed, 41, n) * (s.teachers - 1))) % s.teachers);
            if (co !== slot.primary)
              yield { sourceId: null, sectionSourceId: slot.sourceId, personSourceId: this.teacherId(co), role: PersonRole.TEACHER, primary: false, ...dates };
          }
        }
        // Students: this year's sections first (perturbed as a later export), then next year's.
        const years = [slots.filter((x) => x.beginDate === null), slots.filter((x) => x.beginDate !== null)];
        for (const [y, yearSlots] of years.entries()) {
          if (yearSlots.length === 0) continue;
          const byK = new Map<number, SectionSlot[]>();
          for (const slot of yearSlots) byK.set(slot.k, [...(byK.get(slot.k) ?? []), slot]);
          for (let i = 0; i < s.students; i++) {
            // Half of the students have a free last period: 6.5 sections per student on average.
            if (p === PERIODS - 1 && i % 2 === 1) continue;
            const student = s.firstStudent + i;
            if (y === 0 && this.perturbed(50, student * PERIODS + p)) continue;
            const k = (i + p * 7) % s.sectionsPerPeriod;
            for (const slot of byK.get(k) ?? []) {
              const dates = slot.beginDate === null ? {} : { beginDate: slot.beginDate, endDate: slot.endDate };
              yield {
                sourceId: null,
                sectionSourceId: slot.sourceId,
                personSourceId: this.studentId(student),
                role: PersonRole.STUDENT,
                primary: false,
                ...dates,
              };
            }
          }
        }
      }
    }
  }
}
