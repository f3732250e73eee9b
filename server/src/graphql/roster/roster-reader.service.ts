import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { DistrictScope } from '../../auth/viewer.js';
import { Course } from '../../roster/course.entity.js';
import { District } from '../../roster/district.entity.js';
import { Enrollment } from '../../roster/enrollment.entity.js';
import { Person } from '../../roster/person.entity.js';
import { PersonSchool } from '../../roster/person-school.entity.js';
import type { PersonRole } from '../../roster/roster-enums.js';
import type { Page, PageRequest } from '../../roster/keyset-page.js';
import { comparePeople, orderRows, pageInOrder, PEOPLE_ORDER, SCHOOL_ORDER, SECTION_ORDER, type RosterOrder } from '../../roster/roster-order.js';
import { pageRows, RowMapper, type ApiRow } from '../../roster/roster-rows.js';
import { pageSectionsBySchool } from '../../roster/section-page.js';
import { School } from '../../roster/school.entity.js';
import { Section } from '../../roster/section.entity.js';
import { Term } from '../../roster/term.entity.js';
import { forbidden, notFound } from '../../errors.js';
import { containsPattern } from '../../db/like-pattern.js';
import { DistrictRepository } from '../../roster/district.repository.js';

export interface RosterFilter {
  /** Soft-deleted rows too (admins only). */
  includeDeleted?: boolean | null;
  /** Ended rows too (not active on the sync date, e.g. last year's sections). */
  includeEnded?: boolean | null;
  /** Case-insensitive substring of names, email or source id. */
  search?: string | null;
}

export interface PeopleFilter extends RosterFilter {
  role?: PersonRole | null;
  schoolId?: number | null;
}

export interface SectionFilter extends RosterFilter {
  schoolId?: number | null;
  termId?: number | null;
}

export interface EnrollmentFilter {
  includeDeleted?: boolean | null;
  includeEnded?: boolean | null;
  sectionId?: number | null;
  personId?: number | null;
  role?: PersonRole | null;
}

export type SchoolRow = ApiRow<School>;
export type TermRow = ApiRow<Term>;
export type CourseRow = ApiRow<Course>;
export type PersonRow = ApiRow<Person>;
export type SectionRow = ApiRow<Section>;
export type EnrollmentRow = ApiRow<Enrollment>;

const ROSTER_ENTRY_COLUMNS = ['id', 'sectionId', 'role', 'primary'] as const;
/** A section's teacher or student, as the section loaders hand them out. */
export type SectionRosterEntry = Pick<Enrollment, (typeof ROSTER_ENTRY_COLUMNS)[number]> & { person: PersonRow };

/**
 * The roster as one caller may see it: every read is limited to the caller's districts
 * (anything else is NOT_FOUND), and soft-deleted rows only for admins. Lists are read as
 * plain rows (RowMapper), never hydrated into entities: this is the partner API's hot path.
 */
export class RosterReader {
  constructor(
    private readonly db: DataSource,
    private readonly scope: DistrictScope,
    private readonly isAdmin: boolean,
    /** The caller's district when it came with the caller's API token (no statement needed). */
    private readonly tokenDistrict: District | null = null,
  ) {}

  /** The districts the caller may read, by name. */
  listDistricts(): Promise<District[]> {
    return new DistrictRepository(this.db).listReadable(this.scope);
  }

  /** NOT_FOUND when it does not exist or is outside the caller's districts. */
  getDistrict(id: number): Promise<District> {
    if (this.tokenDistrict?.id === id && this.scope.canRead(id)) return Promise.resolve(this.tokenDistrict);
    return new DistrictRepository(this.db).getReadable(this.scope, id);
  }

  schools(districtId: number, f: RosterFilter, page: PageRequest): Promise<Page<SchoolRow>> {
    const qb = this.rows(School, 's', districtId, f);
    this.search(qb, f, ['s.name', 's.sourceId', 's.schoolNumber']);
    return this.inOrder(qb, School, page, SCHOOL_ORDER, districtId);
  }

  /** A page of sections, with the district's schools read on the way (see pageSectionsBySchool). */
  sections(districtId: number, f: SectionFilter, page: PageRequest): Promise<Page<SectionRow> & { schools: SchoolRow[] }> {
    const qb = this.rows(Section, 'sec', districtId, f);
    if (f.schoolId != null) qb.andWhere('sec.schoolId = :schoolId', { schoolId: f.schoolId });
    if (f.termId != null) qb.andWhere('sec.termId = :termId', { termId: f.termId });
    this.search(qb, f, ['sec.name', 'sec.sourceId', 'sec.sectionNumber']);
    return pageSectionsBySchool(
      this.db,
      qb as SelectQueryBuilder<ObjectLiteral>,
      this.mapper(Section),
      this.mapper(School),
      page,
      districtId,
      f.schoolId ?? null,
    );
  }

  people(districtId: number, f: PeopleFilter, page: PageRequest): Promise<Page<PersonRow>> {
    const qb = this.rows(Person, 'p', districtId, f);
    if (f.role) qb.andWhere('p.role = :role', { role: f.role });
    if (f.schoolId != null) qb.andWhere('p.id IN (SELECT ps.personId FROM person_school ps WHERE ps.schoolId = :schoolId)', { schoolId: f.schoolId });
    this.search(qb, f, ['p.givenName', 'p.familyName', 'p.email', 'p.sourceId']);
    return this.inOrder(qb, Person, page, PEOPLE_ORDER, districtId);
  }

  /**
   * One person of the district (NOT_FOUND otherwise). Admins also reach a removed or ended
   * person (whose history still answers questions); API tokens see the live roster only.
   */
  async person(districtId: number, id: number): Promise<PersonRow> {
    const qb = this.rows(Person, 'p', districtId, { includeDeleted: this.isAdmin, includeEnded: true }).andWhere('p.id = :id', { id });
    const [person] = await this.mapper(Person).many(qb, 'p');
    if (!person || (!this.isAdmin && person.endedAt)) throw notFound(`Person ${id}`);
    return person;
  }

  terms(districtId: number, f: RosterFilter, page: PageRequest): Promise<Page<TermRow>> {
    const qb = this.rows(Term, 't', districtId, f);
    this.search(qb, f, ['t.name', 't.sourceId']);
    return pageRows(qb, this.mapper(Term), page);
  }

  courses(districtId: number, f: RosterFilter, page: PageRequest): Promise<Page<CourseRow>> {
    const qb = this.rows(Course, 'c', districtId, f);
    this.search(qb, f, ['c.name', 'c.sourceId', 'c.number']);
    return pageRows(qb, this.mapper(Course), page);
  }

  enrollments(districtId: number, f: EnrollmentFilter, page: PageRequest): Promise<Page<EnrollmentRow>> {
    const qb = this.rows(Enrollment, 'e', districtId, f);
    if (f.sectionId != null) qb.andWhere('e.sectionId = :sectionId', { sectionId: f.sectionId });
    if (f.personId != null) qb.andWhere('e.personId = :personId', { personId: f.personId });
    if (f.role) qb.andWhere('e.role = :role', { role: f.role });
    return pageRows(qb, this.mapper(Enrollment), page);
  }

  /**
   * Live (not deleted, not ended) enrollments of live people in these sections, with the person (one statement), by
   * section, primary teacher first, then in the roster's people order (roster-order.ts). Sorted here: an ORDER BY across the join made
   * MariaDB sort through a temporary table, tripling the statement's time.
   */
  async enrollmentsOfSections(sectionIds: readonly number[]): Promise<SectionRosterEntry[]> {
    if (!sectionIds.length) return [];
    const entry = RowMapper.of(this.db, Enrollment, ROSTER_ENTRY_COLUMNS);
    const person = this.mapper(Person);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT ${entry.selectList('e', 'e_')}, ${person.selectList('p', 'p_')} FROM enrollment e INNER JOIN person p ON p.id = e.personId AND p.deletedAt IS NULL` +
        ` WHERE e.sectionId IN (${sectionIds.map(() => '?').join(',')}) AND e.deletedAt IS NULL AND e.endedAt IS NULL`,
      [...sectionIds],
    );
    const entries = rows.map((r) => {
      const e = entry.map(r, 'e_') as SectionRosterEntry;
      e.person = person.map(r, 'p_');
      return e;
    });
    // By section first: names are only compared within a section (the collator is the cost).
    return entries.sort((a, b) => a.sectionId - b.sectionId || Number(b.primary) - Number(a.primary) || comparePeople(a.person, b.person) || a.id - b.id);
  }

  /**
   * A person's enrollments in the section order (school, section name, id): live ones, and ended
   * ones (or in ended sections) when asked. Removed enrollments are history (Person.changes).
   */
  enrollmentsOfPerson(districtId: number, personId: number, includeEnded: boolean): Promise<EnrollmentRow[]> {
    const qb = this.rows(Enrollment, 'e', districtId, { includeEnded })
      .andWhere('e.personId = :personId', { personId })
      .innerJoin(Section, 'sec', `sec.id = e.sectionId AND sec.deletedAt IS NULL${includeEnded ? '' : ' AND sec.endedAt IS NULL'}`);
    return this.mapper(Enrollment).many(orderRows(this.db, qb, SECTION_ORDER, 'sec', 'e.id'), 'e');
  }

  /** School memberships of these people (one statement). */
  schoolIdsOfPeople(personIds: readonly number[]): Promise<Array<Pick<PersonSchool, 'personId' | 'schoolId'>>> {
    return RowMapper.of(this.db, PersonSchool, ['personId', 'schoolId']).whereIn('personId', personIds);
  }

  peopleByIds(ids: readonly number[]): Promise<PersonRow[]> {
    return this.mapper(Person).whereIn('id', ids);
  }

  sectionsByIds(ids: readonly number[]): Promise<SectionRow[]> {
    return this.mapper(Section).whereIn('id', ids);
  }

  /** Sections (not deleted) naming one of these as predecessor; same district as their predecessor by construction. */
  successorsOf(ids: readonly number[]): Promise<SectionRow[]> {
    return this.mapper(Section).whereIn('predecessorId', ids, 'r.deletedAt IS NULL');
  }

  /** By id, deleted or not (a section still names the school it belonged to); one statement each. */
  schoolsByIds(ids: readonly number[]): Promise<SchoolRow[]> {
    return this.mapper(School).whereIn('id', ids);
  }

  coursesByIds(ids: readonly number[]): Promise<CourseRow[]> {
    return this.mapper(Course).whereIn('id', ids);
  }

  termsByIds(ids: readonly number[]): Promise<TermRow[]> {
    return this.mapper(Term).whereIn('id', ids);
  }

  private inOrder<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    entity: new () => T,
    page: PageRequest,
    order: RosterOrder,
    districtId: number,
  ): Promise<Page<ApiRow<T>>> {
    return pageInOrder(this.db, qb as SelectQueryBuilder<ObjectLiteral>, this.mapper(entity), page, order, districtId);
  }

  private mapper<T extends ObjectLiteral>(entity: new () => T): RowMapper<ApiRow<T>> {
    return RowMapper.of(this.db, entity);
  }

  private rows<T extends ObjectLiteral>(
    entity: new () => T,
    alias: string,
    districtId: number,
    f: { includeDeleted?: boolean | null; includeEnded?: boolean | null },
  ): SelectQueryBuilder<T> {
    this.scope.assertRead(districtId);
    if (f.includeDeleted && !this.isAdmin) throw forbidden('includeDeleted is for admin users; API tokens see the live roster');
    const qb = this.db.getRepository(entity).createQueryBuilder(alias).where(`${alias}.districtId = :districtId`, { districtId });
    if (!f.includeDeleted) qb.andWhere(`${alias}.deletedAt IS NULL`);
    if (!f.includeEnded) qb.andWhere(`${alias}.endedAt IS NULL`);
    return qb;
  }

  private search<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, f: RosterFilter, columns: string[]): void {
    const q = f.search?.trim();
    if (!q) return;
    qb.andWhere(`(${columns.map((c) => `LOWER(${c}) LIKE :q ESCAPE '!'`).join(' OR ')})`, { q: containsPattern(q) });
  }
}
