import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { forbidden, notFound } from '../../auth/api-errors.js';
import type { DistrictScope } from '../../auth/viewer.js';
import { Course } from '../../roster/course.entity.js';
import { District } from '../../roster/district.entity.js';
import { Enrollment } from '../../roster/enrollment.entity.js';
import { Person } from '../../roster/person.entity.js';
import { PersonSchool } from '../../roster/person-school.entity.js';
import type { PersonRole } from '../../roster/roster-enums.js';
import { pageById, RosterQueryService, type Page, type PageRequest } from '../../roster/roster-query.service.js';
import { School } from '../../roster/school.entity.js';
import { Section } from '../../roster/section.entity.js';
import { Term } from '../../roster/term.entity.js';

const byName = new Intl.Collator('en', { sensitivity: 'base' });

export interface RosterFilter {
  /** Soft-deleted rows too (admins only). */
  includeDeleted?: boolean | null;
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
  sectionId?: number | null;
  personId?: number | null;
  role?: PersonRole | null;
}

/** An enrollment with its person, as the section loaders hand them out. */
export type EnrollmentWithPerson = Enrollment & { person: Person };

const escapeLike = (s: string) => `%${s.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;

/**
 * The roster as one caller may see it: every read is limited to the caller's districts
 * (anything else is NOT_FOUND), and soft-deleted rows only for admins.
 */
export class RosterReader extends RosterQueryService {
  constructor(private readonly db: DataSource, private readonly scope: DistrictScope, private readonly isAdmin: boolean) {
    super(db);
  }

  override listDistricts(): Promise<District[]> {
    const qb = this.db.getRepository(District).createQueryBuilder('d');
    const ids = this.scope.districtIds;
    if (ids) qb.where(ids.length ? 'd.id IN (:...ids)' : '1 = 0', { ids });
    return qb.orderBy('d.name', 'ASC').addOrderBy('d.id', 'ASC').getMany();
  }

  /** NOT_FOUND when it does not exist or is outside the caller's districts. */
  async getDistrict(id: number): Promise<District> {
    this.scope.assertRead(id);
    const d = await this.findDistrict(id);
    if (!d) throw notFound(`District ${id}`);
    return d;
  }

  schools(districtId: number, f: RosterFilter, page: PageRequest): Promise<Page<School>> {
    const qb = this.rows(School, 's', districtId, f);
    this.search(qb, f, ['s.name', 's.sourceId', 's.schoolNumber']);
    return pageById(qb, page);
  }

  sections(districtId: number, f: SectionFilter, page: PageRequest): Promise<Page<Section>> {
    const qb = this.rows(Section, 'sec', districtId, f);
    if (f.schoolId != null) qb.andWhere('sec.schoolId = :schoolId', { schoolId: f.schoolId });
    if (f.termId != null) qb.andWhere('sec.termId = :termId', { termId: f.termId });
    this.search(qb, f, ['sec.name', 'sec.sourceId', 'sec.sectionNumber']);
    return pageById(qb, page);
  }

  people(districtId: number, f: PeopleFilter, page: PageRequest): Promise<Page<Person>> {
    const qb = this.rows(Person, 'p', districtId, f);
    if (f.role) qb.andWhere('p.role = :role', { role: f.role });
    if (f.schoolId != null) qb.andWhere('p.id IN (SELECT ps.personId FROM person_school ps WHERE ps.schoolId = :schoolId)', { schoolId: f.schoolId });
    this.search(qb, f, ['p.givenName', 'p.familyName', 'p.email', 'p.sourceId']);
    return pageById(qb, page);
  }

  terms(districtId: number, f: RosterFilter, page: PageRequest): Promise<Page<Term>> {
    const qb = this.rows(Term, 't', districtId, f);
    this.search(qb, f, ['t.name', 't.sourceId']);
    return pageById(qb, page);
  }

  courses(districtId: number, f: RosterFilter, page: PageRequest): Promise<Page<Course>> {
    const qb = this.rows(Course, 'c', districtId, f);
    this.search(qb, f, ['c.name', 'c.sourceId', 'c.number']);
    return pageById(qb, page);
  }

  enrollments(districtId: number, f: EnrollmentFilter, page: PageRequest): Promise<Page<Enrollment>> {
    const qb = this.rows(Enrollment, 'e', districtId, f);
    if (f.sectionId != null) qb.andWhere('e.sectionId = :sectionId', { sectionId: f.sectionId });
    if (f.personId != null) qb.andWhere('e.personId = :personId', { personId: f.personId });
    if (f.role) qb.andWhere('e.role = :role', { role: f.role });
    return pageById(qb, page);
  }

  /**
   * Live enrollments of live people in these sections, with the person (one statement),
   * primary teacher first, then by name. Sorted here: an ORDER BY across the join made
   * MariaDB sort through a temporary table, tripling the statement's time.
   */
  async enrollmentsOfSections(sectionIds: readonly number[]): Promise<EnrollmentWithPerson[]> {
    if (!sectionIds.length) return [];
    const rows = (await this.db
      .getRepository(Enrollment)
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.person', 'p', 'p.deletedAt IS NULL')
      .where('e.sectionId IN (:...sectionIds)', { sectionIds: [...sectionIds] })
      .andWhere('e.deletedAt IS NULL')
      .getMany()) as EnrollmentWithPerson[];
    return rows.sort(
      (a, b) => Number(b.primary) - Number(a.primary)
        || byName.compare(a.person.familyName, b.person.familyName)
        || byName.compare(a.person.givenName, b.person.givenName)
        || a.id - b.id,
    );
  }

  /** School memberships of these people (one statement). */
  async schoolIdsOfPeople(personIds: readonly number[]): Promise<PersonSchool[]> {
    if (!personIds.length) return [];
    return this.db.getRepository(PersonSchool).createQueryBuilder('ps').where('ps.personId IN (:...ids)', { ids: [...personIds] }).getMany();
  }

  async peopleByIds(ids: readonly number[]): Promise<Person[]> {
    return ids.length ? this.db.getRepository(Person).createQueryBuilder('p').whereInIds([...ids]).getMany() : [];
  }

  async sectionsByIds(ids: readonly number[]): Promise<Section[]> {
    return ids.length ? this.db.getRepository(Section).createQueryBuilder('s').whereInIds([...ids]).getMany() : [];
  }

  private rows<T extends ObjectLiteral>(entity: new () => T, alias: string, districtId: number, f: { includeDeleted?: boolean | null }): SelectQueryBuilder<T> {
    this.scope.assertRead(districtId);
    if (f.includeDeleted && !this.isAdmin) throw forbidden('includeDeleted is for admin users; API tokens see the live roster');
    const qb = this.db.getRepository(entity).createQueryBuilder(alias).where(`${alias}.districtId = :districtId`, { districtId });
    if (!f.includeDeleted) qb.andWhere(`${alias}.deletedAt IS NULL`);
    return qb;
  }

  private search<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, f: RosterFilter, columns: string[]): void {
    const q = f.search?.trim();
    if (!q) return;
    qb.andWhere(`(${columns.map((c) => `LOWER(${c}) LIKE :q ESCAPE '!'`).join(' OR ')})`, { q: escapeLike(q) });
  }
}
