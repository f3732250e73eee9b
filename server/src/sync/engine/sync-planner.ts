import type { DataSource } from 'typeorm';
import { ENTITY_TYPES, PersonRole, type EntityType } from '../../roster/roster-enums.js';
import type { FieldMappingTable, RosterSource } from '../sources/roster-source.js';
import { SyncMode } from '../sync-enums.js';
import { enrollmentKey, loadExisting, sectionOfEnrollmentKey } from './existing-records.loader.js';
import type { IssueCollector } from './issue-collector.js';
import { coversDate, normalizeFields, type NormalizeProblem } from './normalize.js';
import { SINGULAR } from './roster-tables.js';
import { emptyEntityPlan, type EntityPlan, type ExistingRecord, type PlannedRecord, type SyncPlan, type Values } from './sync-plan.js';

export interface PlanOptions {
  districtId: number;
  mode: SyncMode;
  asOf: string;
  /** null: every school. */
  schoolSelection: string[] | null;
  mappings: FieldMappingTable;
  issues: IssueCollector;
  signal?: AbortSignal;
  onProgress?: (entity: EntityType, processed: number) => void;
}

/** What each entity type kept after filtering, so later types can check their references. */
interface Scope {
  schoolsInSource: Set<string>;
  schools: Set<string>;
  terms: Map<string, boolean>;
  courses: Set<string>;
  peopleInSource: Map<string, PersonRole>;
  people: Set<string>;
  /** People and sections the source has but sent invalid: their enrollments are kept as they are. */
  invalid: Set<string>;
  sectionsInSource: Set<string>;
  sections: Set<string>;
}

const sameValues = (a: Values, b: Values, keys: string[]) => keys.every((k) => (a[k] ?? null) === (b[k] ?? null));

/**
 * Streams the source one entity type at a time, normalizes and filters each record and
 * compares it with the database: the exact creates, updates, restores, deletes and
 * unchanged records of the run. Writes no roster table.
 */
export class SyncPlanner {
  private readonly scope: Scope = {
    schoolsInSource: new Set(), schools: new Set(), terms: new Map(), courses: new Set(),
    peopleInSource: new Map(), people: new Set(), sectionsInSource: new Set(), sections: new Set(), invalid: new Set(),
  };

  constructor(private readonly ds: DataSource, private readonly source: RosterSource, private readonly options: PlanOptions) {}

  async plan(): Promise<SyncPlan> {
    const plan = {} as SyncPlan;
    for (const entity of ENTITY_TYPES) plan[entity] = await this.planEntity(entity);
    return plan;
  }

  private async drainSourceProblems(): Promise<void> {
    for (const p of this.source.takeProblems?.() ?? []) await this.options.issues.warn(p.entityType, p.sourceId, p.code, p.message);
  }

  private async planEntity(entity: EntityType): Promise<EntityPlan> {
    const { issues, signal } = this.options;
    const existing = await loadExisting(this.ds, this.options.districtId, entity);
    const plan = emptyEntityPlan();
    for (const rec of existing.values()) if (!rec.deleted) plan.activeBefore++;
    // Keys of source records not in the database; existing ones are marked `seen` instead.
    const seenNew = new Set<string>();
    let processed = 0;
    for await (const raw of this.source.records(entity, signal)) {
      if (++processed % 1000 === 0) {
        this.options.onProgress?.(entity, processed);
        await this.drainSourceProblems();
      }
      const record = await this.toPlanned(entity, raw as never);
      if (!record) continue;
      if ('invalidKey' in record) {
        // In the source but unusable: an issue, never a reason to delete what Homeroom has.
        const kept = existing.get(record.invalidKey);
        if (kept) kept.seen = true;
        continue;
      }
      const match = existing.get(record.key);
      if (match ? match.seen : seenNew.has(record.key)) {
        if (entity !== 'enrollments') await issues.error(entity, record.sourceId, 'DUPLICATE_SOURCE_ID', `${SINGULAR[entity]} ${record.sourceId} appears more than once in the source; only the first was synced.`);
        continue;
      }
      if (match) match.seen = true;
      else seenNew.add(record.key);
      await this.compare(entity, record, match, plan);
    }
    this.options.onProgress?.(entity, processed);
    await this.drainSourceProblems();
    signal?.throwIfAborted();
    for (const [key, rec] of existing) {
      if (rec.deleted || rec.seen) continue;
      if (this.shouldDelete(entity, key)) plan.deletes.push({ id: rec.id, sourceId: rec.sourceId, values: rec.values });
    }
    return plan;
  }

  /** Edit never deletes schools, people or sections (nor terms and courses); enrollments of synced sections follow the source. */
  private shouldDelete(entity: EntityType, key: string): boolean {
    if (this.options.mode === SyncMode.RESET) return true;
    return entity === 'enrollments' && this.scope.sections.has(sectionOfEnrollmentKey(key));
  }

  private async compare(entity: EntityType, record: PlannedRecord, existing: ExistingRecord | undefined, plan: EntityPlan): Promise<void> {
    if (!existing) {
      plan.creates.push(record);
      return;
    }
    if (entity === 'people' && this.options.mode === SyncMode.EDIT && existing.values.role !== record.values.role) {
      await this.options.issues.warn('people', record.sourceId, 'ROLE_CHANGE_SKIPPED',
        `Person ${record.sourceId} is ${record.values.role?.toLowerCase()} in the source but ${existing.values.role?.toLowerCase()} in Homeroom; an Edit sync keeps the existing role (run a Reset to change it).`);
      record.values.role = existing.values.role;
    }
    const keys = Object.keys(record.values);
    if (existing.deleted) {
      plan.restores.push({ id: existing.id, record, before: existing.values });
      return;
    }
    if (sameValues(record.values, existing.values, keys)) {
      plan.unchangedIds.push(existing.id);
      return;
    }
    const before: Values = {};
    const after: Values = {};
    for (const k of keys) {
      if ((record.values[k] ?? null) !== (existing.values[k] ?? null)) {
        before[k] = existing.values[k] ?? null;
        after[k] = record.values[k] ?? null;
      }
    }
    plan.updates.push({ id: existing.id, record, before, after });
  }

  private async report(entity: EntityType, sourceId: string | null, problems: NormalizeProblem[]): Promise<void> {
    for (const p of problems) await this.options.issues.add(p.severity as never, entity, sourceId, p.code, p.message);
  }

  /** The record to compare; `invalidKey` when the source has it but it failed validation; null when filtered out. */
  private async toPlanned(entity: EntityType, raw: any): Promise<PlannedRecord | { invalidKey: string } | null> {
    const { issues } = this.options;
    if (entity === 'enrollments') return this.enrollment(raw);
    const sourceId = String(raw.sourceId ?? '').trim();
    if (!sourceId) {
      await issues.error(entity, null, 'MISSING_REQUIRED_FIELD', `A ${SINGULAR[entity].toLowerCase()} without an id was skipped.`);
      return null;
    }
    const problems: NormalizeProblem[] = [];
    const values = normalizeFields(entity, sourceId, raw.fields ?? {}, this.options.mappings[entity] ?? {}, problems);
    await this.report(entity, sourceId, problems);
    if (entity === 'schools') this.scope.schoolsInSource.add(sourceId);
    if (entity === 'people') this.scope.peopleInSource.set(sourceId, raw.role);
    if (entity === 'sections') this.scope.sectionsInSource.add(sourceId);
    if (!values) {
      this.scope.invalid.add(`${entity}:${sourceId}`);
      return { invalidKey: sourceId };
    }
    const record: PlannedRecord = { key: sourceId, sourceId, values };
    const kept = await this.filter(entity, record, raw);
    return kept ? record : null;
  }

  private async filter(entity: EntityType, record: PlannedRecord, raw: any): Promise<boolean> {
    const { issues, asOf, schoolSelection } = this.options;
    const id = record.sourceId!;
    const s = this.scope;
    switch (entity) {
      case 'schools':
        if (schoolSelection && !schoolSelection.includes(id)) {
          await issues.warn('schools', id, 'SCHOOL_NOT_SELECTED', `School ${record.values.name} (${id}) is not selected for syncing; its sections and people were not synced.`);
          return false;
        }
        s.schools.add(id);
        return true;
      case 'terms': {
        const active = coversDate(record.values.startDate, record.values.endDate, asOf);
        s.terms.set(id, active);
        if (!active) await issues.warn('terms', id, 'NOT_ACTIVE', `Term ${record.values.name} (${record.values.startDate ?? '…'} to ${record.values.endDate ?? '…'}) is not active on ${asOf}; its sections were not synced.`);
        return active;
      }
      case 'courses':
        s.courses.add(id);
        return true;
      case 'people': {
        const role: PersonRole = raw.role === PersonRole.TEACHER ? PersonRole.TEACHER : PersonRole.STUDENT;
        const schools: string[] = [...new Set<string>((raw.schoolSourceIds ?? []).map(String))].sort();
        const synced = schools.filter((x) => s.schools.has(x));
        if (synced.length === 0) {
          const who = role === PersonRole.TEACHER ? 'Teacher' : 'Student';
          const name = `${record.values.givenName} ${record.values.familyName}`;
          if (schools.length === 0) {
            await issues.error('people', id, role === PersonRole.TEACHER ? 'TEACHER_NO_SCHOOL' : 'STUDENT_NO_SCHOOL',
              `${who} ${name} (${id}) is assigned to the district but to no school; ${who.toLowerCase()}s must belong to a synced school.`);
          } else if (schools.some((x) => s.schoolsInSource.has(x))) {
            await issues.warn('people', id, 'SCHOOL_NOT_SELECTED', `${who} ${name} (${id}) belongs only to schools not selected for syncing (${schools.join(', ')}).`);
          } else {
            await issues.error('people', id, 'UNKNOWN_SCHOOL', `${who} ${name} (${id}) names school ${schools.join(', ')}, which the source does not have.`);
          }
          return false;
        }
        record.values.role = role;
        record.values.schools = synced.join(',');
        s.people.add(id);
        return true;
      }
      case 'sections': {
        const school = String(raw.schoolSourceId ?? '');
        if (!s.schools.has(school)) {
          if (s.schoolsInSource.has(school)) {
            await issues.warn('sections', id, 'SCHOOL_NOT_SELECTED', `Section ${record.values.name} (${id}) belongs to school ${school}, which is not selected for syncing.`);
          } else {
            await issues.error('sections', id, 'UNKNOWN_SCHOOL', `Section ${record.values.name} (${id}) names school "${school}", which the source does not have.`);
          }
          return false;
        }
        const termIds: string[] = (raw.termSourceIds ?? []).map(String).filter(Boolean);
        const known = termIds.filter((t) => s.terms.has(t));
        if (termIds.length > 0 && known.length === 0) {
          await issues.warn('sections', id, 'UNKNOWN_TERM', `Section ${record.values.name} (${id}) names term ${termIds.join(', ')}, which the source does not have; it was synced without a term.`);
        }
        const active = known.filter((t) => s.terms.get(t));
        if (known.length > 0 && active.length === 0) {
          await issues.warn('sections', id, 'NOT_ACTIVE', `Section ${record.values.name} (${id}) has no term active on ${asOf}; it was not synced.`);
          return false;
        }
        const course = raw.courseSourceId ? String(raw.courseSourceId) : null;
        if (course && !s.courses.has(course)) {
          await issues.warn('sections', id, 'UNKNOWN_COURSE', `Section ${record.values.name} (${id}) names course "${course}", which the source does not have; it was synced without a course.`);
        }
        record.values.schoolSourceId = school;
        record.values.courseSourceId = course && s.courses.has(course) ? course : null;
        record.values.termSourceId = active[0] ?? null;
        s.sections.add(id);
        return true;
      }
      default:
        return true;
    }
  }

  private async enrollment(raw: any): Promise<PlannedRecord | { invalidKey: string } | null> {
    const { issues, asOf } = this.options;
    const s = this.scope;
    const section = String(raw.sectionSourceId ?? '');
    const person = String(raw.personSourceId ?? '');
    const role = raw.role === PersonRole.TEACHER ? PersonRole.TEACHER : PersonRole.STUDENT;
    const label = raw.sourceId ? `Enrollment ${raw.sourceId}` : `The enrollment of ${person} in section ${section}`;
    if (s.invalid.has(`sections:${section}`) || s.invalid.has(`people:${person}`)) return { invalidKey: enrollmentKey(section, person, role) };
    if (!s.sections.has(section)) {
      // Sections filtered out (not selected, not active) already carry their own issue.
      if (!s.sectionsInSource.has(section)) await issues.error('enrollments', raw.sourceId ?? `${section}|${person}`, 'UNKNOWN_SECTION', `${label} names section "${section}", which the source does not have.`);
      return null;
    }
    if (!s.people.has(person)) {
      if (!s.peopleInSource.has(person)) await issues.error('enrollments', raw.sourceId ?? `${section}|${person}`, 'UNKNOWN_PERSON', `${label} names ${role.toLowerCase()} "${person}", whom the source does not have.`);
      return null;
    }
    if (!coversDate(raw.beginDate, raw.endDate, asOf)) {
      await issues.warn('enrollments', raw.sourceId ?? `${section}|${person}`, 'NOT_ACTIVE', `${label} runs ${raw.beginDate ?? '…'} to ${raw.endDate ?? '…'}, not on ${asOf}; it was not synced.`);
      return null;
    }
    return {
      key: enrollmentKey(section, person, role),
      sourceId: raw.sourceId ? String(raw.sourceId) : null,
      values: { primary: role === PersonRole.TEACHER && raw.primary ? 'true' : 'false', beginDate: raw.beginDate ?? null, endDate: raw.endDate ?? null },
    };
  }
}
