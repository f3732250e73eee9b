import type { DataSource } from 'typeorm';
import { ENTITY_TYPES, PersonRole, type EntityType } from '../../roster/roster-enums.js';
import type { FieldMappingTable, RosterSource } from '../sources/roster-source.js';
import { ChangeAction, SyncMode, type RunCounts } from '../sync-enums.js';
import { countLive, enrollmentsByIds, findExisting, findExistingEnrollments, idRange, idsBySourceId, liveIdsWithin } from './existing-records.js';
import { IdBitmap } from './id-bitmap.js';
import type { IssueCollector } from './issue-collector.js';
import { coversDate, normalizeFields, type NormalizeProblem } from './normalize.js';
import type { KeyEntry, PlanStore } from './plan-store.js';
import { RecordFilter, SmallScope, type KeyState } from './record-filter.js';
import { ROSTER_TABLES, SINGULAR } from './roster-tables.js';
import { PhaseTimer } from './phase-timer.js';
import { StepPacer } from './step-pacer.js';
import { changeLabel, enrollmentKey, SEP, splitEnrollmentKey, type ExistingRecord, type PlanItem, type PlannedRecord, type Values } from './sync-plan.js';

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
  timer?: PhaseTimer;
  /** Pauses between batches (yields, and gives way to a busy database). */
  pacer?: StepPacer;
}

/** What planning leaves besides the staged changes. */
export interface PlanOutcome {
  counts: RunCounts;
  /** Live records per entity type before the run: the base of the delete thresholds. */
  activeBefore: Record<EntityType, number>;
  /** Existing records the source has unchanged: apply marks them seen by the run. */
  unchanged: Record<EntityType, IdBitmap>;
}

/** Source records per round trip: bounds memory and the time the event loop is held. */
const BATCH = 5000;
/** Enrollment batches looked up ahead of the one being decided. */
const LOOK_AHEAD = 3;

interface EnrollmentLookup {
  sectionStates: Map<string, KeyEntry>;
  personStates: Map<string, KeyEntry>;
  existing: Map<string, ExistingRecord>;
}

/** An enrollment batch waiting for its decision, and its lookup (maybe still running). */
interface LookedUpBatch {
  batch: unknown[];
  lookup: Promise<EnrollmentLookup>;
}

interface Candidate {
  state: KeyState;
  sourceId: string;
  record?: PlannedRecord;
  keepExisting?: boolean;
  unknownSchool?: boolean;
}

const idsOf = (entries: Map<string, KeyEntry>) => new Map([...entries].filter(([, e]) => e.id !== null).map(([sourceId, e]) => [sourceId, e.id!]));
const sameValues = (a: Values, b: Values, keys: string[]) => keys.every((k) => (a[k] ?? null) === (b[k] ?? null));

async function* inBatches<T>(records: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const r of records) {
    batch.push(r);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * Streams the source one entity type at a time in bounded batches, normalizes and filters
 * each record, looks its batch up in the database and stages the exact creates, updates,
 * restores and deletes in the run's plan table. Writes no roster table; memory holds one
 * batch plus a bit per existing record.
 */
export class SyncPlanner {
  private readonly scope = new SmallScope();
  private readonly filter: RecordFilter;
  private readonly timer: PhaseTimer;
  private readonly pacer: StepPacer;
  private readonly seen = {} as Record<EntityType, IdBitmap>;
  /** The staging write of the previous batch, still running (see stageBehind). */
  private staging: Promise<void> = Promise.resolve();
  /** Whether the district has any record of the type: a first sync skips every lookup. */
  private readonly hasRows = {} as Record<EntityType, boolean>;
  private readonly outcome: PlanOutcome = { counts: {}, activeBefore: {} as Record<EntityType, number>, unchanged: {} as Record<EntityType, IdBitmap> };

  constructor(
    private readonly ds: DataSource,
    private readonly source: RosterSource,
    private readonly options: PlanOptions,
    private readonly store: PlanStore,
  ) {
    this.filter = new RecordFilter(this.scope, options.issues, options.asOf, options.schoolSelection);
    this.timer = options.timer ?? new PhaseTimer();
    this.pacer = options.pacer ?? new StepPacer(null);
  }

  async plan(): Promise<PlanOutcome> {
    try {
      for (const entity of ENTITY_TYPES) await this.planEntity(entity);
    } finally {
      // Never leave a write running: the caller drops the staging tables next.
      await this.staging.catch(() => undefined);
    }
    this.outcome.counts = await this.store.counts();
    for (const e of ENTITY_TYPES) this.outcome.counts[e].unchanged = this.outcome.unchanged[e].size;
    return this.outcome;
  }

  /**
   * Writes a batch's planned changes and creates while the next batch is read, normalized and
   * looked up (the database and this thread work at once): waits for the previous batch's
   * write, then starts this one. Batches stay in source order; a failed write fails the next
   * call, or the end of the entity type.
   */
  private async stageBehind(step: string, write: () => Promise<void>): Promise<void> {
    await this.staging;
    this.staging = this.timer.time(step, write);
    // Handled here so that a failure waits for the next await instead of ending the thread.
    this.staging.catch(() => undefined);
  }

  private async drainSourceProblems(): Promise<void> {
    for (const p of this.source.takeProblems?.() ?? []) await this.options.issues.warn(p.entityType, p.sourceId, p.code, p.message);
  }

  private async planEntity(entity: EntityType): Promise<void> {
    const { districtId, signal } = this.options;
    const table = ROSTER_TABLES[entity].table;
    const range = await idRange(this.ds.manager, districtId, table);
    this.seen[entity] = new IdBitmap(range.min, range.max);
    this.hasRows[entity] = range.max >= range.min;
    this.outcome.unchanged[entity] = new IdBitmap(range.min, range.max);
    this.outcome.activeBefore[entity] = await countLive(this.ds.manager, districtId, table);
    let processed = 0;
    const timer = this.timer;
    let fetched = performance.now();
    // Enrollment batches are looked up while the ones before them are decided, LOOK_AHEAD at
    // once: the database and this thread work at the same time, and a database reading the
    // roster back from disk has several reads to serve at once. Batches wait in source order.
    const ahead: LookedUpBatch[] = [];
    const decide = (a: LookedUpBatch) => timer.time('plan.enrollments', async () => this.planEnrollments(a.batch, await a.lookup));
    for await (const batch of inBatches(this.source.records(entity, signal), BATCH)) {
      timer.add(`fetch.${entity}`, performance.now() - fetched);
      processed += batch.length;
      this.options.onProgress?.(entity, processed);
      await this.drainSourceProblems();
      if (entity === 'enrollments') {
        const lookup = this.lookUpEnrollments(batch);
        // Awaited when the batch is decided; a failure then fails the run.
        lookup.catch(() => undefined);
        ahead.push({ batch, lookup });
        if (ahead.length > LOOK_AHEAD) await decide(ahead.shift()!);
      } else {
        await timer.time(`plan.${entity}`, () => this.planRecords(entity, batch));
      }
      await this.pacer.pause();
      fetched = performance.now();
    }
    timer.add(`fetch.${entity}`, performance.now() - fetched);
    for (const a of ahead.splice(0)) await decide(a);
    this.options.onProgress?.(entity, processed);
    await this.drainSourceProblems();
    await this.staging;
    signal?.throwIfAborted();
    await timer.time(`plan.deletes.${entity}`, () => this.planDeletes(entity));
  }

  private async planRecords(entity: Exclude<EntityType, 'enrollments'>, batch: unknown[]): Promise<void> {
    const candidates: Candidate[] = [];
    for (const raw of batch) {
      const c = await this.candidate(entity, raw);
      if (c) candidates.push(c);
    }
    const unique = await this.withoutDuplicates(entity, candidates);
    const lookup = unique.filter((c) => c.state !== 'F' || c.unknownSchool).map((c) => c.sourceId);
    const found = this.hasRows[entity] ? await findExisting(this.ds.manager, this.options.districtId, entity, 'sourceId', lookup) : [];
    const existing = new Map(found.map((r) => [r.key, r]));
    for (const c of unique) {
      const match = existing.get(c.sourceId);
      const current = match?.values.schoolSourceId ?? match?.values.schools;
      if (c.unknownSchool && match && this.scope.schoolStillSent(current)) c.state = 'I';
    }
    if (entity === 'people' || entity === 'sections')
      await this.timer.time(`stage.keys.${entity}`, () =>
        this.store.addKeys(
          entity,
          unique.map((c) => [c.sourceId, c.state, existing.get(c.sourceId)?.id ?? null]),
        ),
      );
    const items: PlanItem[] = [];
    const creates: PlannedRecord[] = [];
    for (const c of unique) {
      const match = existing.get(c.sourceId);
      if (c.state === 'F') continue;
      if (c.state === 'E') {
        if (match) this.end(entity, match, items);
        continue;
      }
      if (c.state === 'I' || (c.keepExisting && match)) {
        // In the source but unusable: an issue, never a reason to delete or blank what Homeroom has.
        if (match) this.seen[entity].add(match.id);
        continue;
      }
      await this.compare(entity, c.record!, match, items, creates);
    }
    await this.stageBehind(`stage.creates.${entity}`, async () => {
      await this.store.add(items);
      await this.store.creates.add(entity, creates);
    });
  }

  /** Keeps the first record of each source id; later ones are reported. */
  private async withoutDuplicates(entity: EntityType, candidates: Candidate[]): Promise<Candidate[]> {
    const staged =
      entity === 'people' || entity === 'sections'
        ? await this.store.keyStates(
            entity,
            candidates.map((c) => c.sourceId),
          )
        : null;
    const inBatch = new Set<string>();
    const unique: Candidate[] = [];
    for (const c of candidates) {
      const first = staged ? !staged.has(c.sourceId) && !inBatch.has(c.sourceId) : this.scope.firstTime(entity, c.sourceId);
      inBatch.add(c.sourceId);
      if (first) unique.push(c);
      else
        await this.options.issues.error(
          entity,
          c.sourceId,
          'DUPLICATE_SOURCE_ID',
          `${SINGULAR[entity]} ${c.sourceId} appears more than once in the source; only the first was synced.`,
        );
    }
    return unique;
  }

  private async candidate(entity: Exclude<EntityType, 'enrollments'>, raw: any): Promise<Candidate | null> {
    const { issues } = this.options;
    const sourceId = String(raw.sourceId ?? '').trim();
    if (!sourceId) {
      await issues.error(entity, null, 'MISSING_REQUIRED_FIELD', `A ${SINGULAR[entity].toLowerCase()} without an id was skipped.`);
      return null;
    }
    const problems: NormalizeProblem[] = [];
    const values = normalizeFields(entity, sourceId, raw.fields ?? {}, this.options.mappings[entity] ?? {}, problems);
    for (const p of problems) await issues.add(p.severity as never, entity, sourceId, p.code, p.message);
    if (!values) {
      if (entity === 'schools') this.scope.invalidSchools.add(sourceId);
      return { state: 'I', sourceId };
    }
    const record: PlannedRecord = { key: sourceId, sourceId, values };
    return { sourceId, record, ...(await this.filter.filter(entity, record, raw)) };
  }

  /** The states of the sections and people a batch of enrollments names, and the enrollments Homeroom has among them. */
  private async lookUpEnrollments(batch: any[]): Promise<EnrollmentLookup> {
    const { districtId } = this.options;
    const sectionIds = batch.map((r) => String(r.sectionSourceId ?? ''));
    const personIds = batch.map((r) => String(r.personSourceId ?? ''));
    const [sectionStates, personStates] = await this.timer.time('stage.keyStates', async () => [
      await this.store.keyStates('sections', sectionIds),
      await this.store.keyStates('people', personIds),
    ]);
    let existing = new Map<string, ExistingRecord>();
    if (this.hasRows.enrollments) {
      // The ids of the sections and people Homeroom has came with their states; a section or
      // person the source does not have (an Edit keeps such enrollments) is looked up by source id.
      const ids = async (table: string, states: Map<string, KeyEntry>, named: string[]) => {
        const found = idsOf(states);
        const unsent = named.filter((id) => !states.has(id));
        if (unsent.length) for (const [k, v] of await idsBySourceId(this.ds.manager, districtId, table, unsent)) found.set(k, v);
        return found;
      };
      existing = await this.timer.time('lookup.enrollments', async () =>
        findExistingEnrollments(this.ds.manager, districtId, await ids('section', sectionStates, sectionIds), await ids('person', personStates, personIds)),
      );
    }
    return { sectionStates, personStates, existing };
  }

  private async planEnrollments(batch: any[], { sectionStates, personStates, existing }: EnrollmentLookup): Promise<void> {
    const candidates: Array<{ record: PlannedRecord; invalid: boolean; ended?: boolean }> = [];
    for (const raw of batch) {
      const c = await this.enrollment(raw, sectionStates, personStates);
      if (c) candidates.push(c);
    }
    const items: PlanItem[] = [];
    const creates: PlannedRecord[] = [];
    for (const c of candidates) {
      const match = existing.get(c.record.key);
      if (c.invalid) {
        if (match) this.seen.enrollments.add(match.id);
        continue;
      }
      if (c.ended) {
        if (match && !this.seen.enrollments.has(match.id)) this.end('enrollments', match, items);
        continue;
      }
      // The same enrollment twice in the source: planned once.
      if (match && this.seen.enrollments.has(match.id)) continue;
      await this.compare('enrollments', c.record, match, items, creates);
    }
    // A repeated enrollment is staged once (the create table is unique by section, person and role).
    await this.stageBehind('stage.creates.enrollments', async () => {
      await this.store.add(items);
      await this.store.creates.add('enrollments', creates);
    });
  }

  private async enrollment(
    raw: any,
    sectionStates: Map<string, KeyEntry>,
    personStates: Map<string, KeyEntry>,
  ): Promise<{ record: PlannedRecord; invalid: boolean; ended?: boolean } | null> {
    const { issues, asOf } = this.options;
    const section = String(raw.sectionSourceId ?? '');
    const person = String(raw.personSourceId ?? '');
    const role = raw.role === PersonRole.TEACHER ? PersonRole.TEACHER : PersonRole.STUDENT;
    const label = raw.sourceId ? `Enrollment ${raw.sourceId}` : `The enrollment of ${person} in section ${section}`;
    const issueId = raw.sourceId ?? `${section}|${person}`;
    const record: PlannedRecord = {
      key: enrollmentKey(section, person, role),
      sourceId: raw.sourceId ? String(raw.sourceId) : null,
      values: { primary: role === PersonRole.TEACHER && raw.primary ? 'true' : 'false', beginDate: raw.beginDate ?? null, endDate: raw.endDate ?? null },
    };
    const sectionState = sectionStates.get(section)?.state;
    const personState = personStates.get(person)?.state;
    if (sectionState === 'I' || personState === 'I') return { record, invalid: true };
    // Edit keeps what an enrollment naming a missing section or person had; a Reset removes
    // the missing record, and its enrollments with it.
    const keep = this.options.mode === SyncMode.EDIT;
    const outcome = keep ? 'Homeroom kept what it has for this enrollment' : 'it was not synced';
    if (sectionState === undefined) {
      await issues.error('enrollments', issueId, 'UNKNOWN_SECTION', `${label} names section "${section}", which the source does not have; ${outcome}.`);
      return keep ? { record, invalid: true } : null;
    }
    if (personState === undefined) {
      await issues.error(
        'enrollments',
        issueId,
        'UNKNOWN_PERSON',
        `${label} names ${role.toLowerCase()} "${person}", whom the source does not have; ${outcome}.`,
      );
      return keep ? { record, invalid: true } : null;
    }
    // An ended section's enrollments end with it; filtered sections and people (not
    // selected) already carry their own issue.
    if (sectionState === 'E' && personState === 'K') return { record, invalid: false, ended: true };
    if (sectionState !== 'K' || personState !== 'K') return null;
    if (!coversDate(raw.beginDate, raw.endDate, asOf)) {
      await issues.warn(
        'enrollments',
        issueId,
        'NOT_ACTIVE',
        `${label} runs ${raw.beginDate ?? '…'} to ${raw.endDate ?? '…'}, not on ${asOf}; it was not synced (if Homeroom has it, it is ended, not deleted).`,
      );
      return { record, invalid: false, ended: true };
    }
    return { record, invalid: false };
  }

  private async compare(
    entity: EntityType,
    record: PlannedRecord,
    existing: ExistingRecord | undefined,
    items: PlanItem[],
    creates: PlannedRecord[],
  ): Promise<void> {
    if (!existing) {
      creates.push(record);
      return;
    }
    this.seen[entity].add(existing.id);
    if (entity === 'people' && this.options.mode === SyncMode.EDIT && existing.values.role !== record.values.role) {
      await this.options.issues.warn(
        'people',
        record.sourceId,
        'ROLE_CHANGE_SKIPPED',
        `Person ${record.sourceId} is ${record.values.role?.toLowerCase()} in the source but ${existing.values.role?.toLowerCase()} in Homeroom; an Edit sync keeps the existing role (run a Reset to change it).`,
      );
      record.values.role = existing.values.role;
    }
    const keys = Object.keys(record.values);
    const live = !existing.deleted && !existing.ended;
    // Most records of a re-sync are unchanged: nothing else is built for them.
    if (live && sameValues(record.values, existing.values, keys)) {
      this.outcome.unchanged[entity].add(existing.id);
      return;
    }
    const base = {
      entityType: entity,
      sourceId: record.sourceId,
      label: changeLabel(record.key, record.sourceId),
      recordKey: record.key,
      schoolId: null,
      role: entity === 'people' ? record.values.role : entity === 'enrollments' ? record.key.slice(record.key.lastIndexOf(SEP) + 1) : null,
    };
    if (!live) {
      // Back in the source, or active again: live with its id.
      items.push({ ...base, action: ChangeAction.RESTORE, entityId: existing.id, before: existing.values, after: record.values });
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
    items.push({ ...base, action: ChangeAction.UPDATE, entityId: existing.id, before, after });
  }

  /** The source still sends the record but it is not active on the sync date: kept, hidden from the live roster. */
  private end(entity: EntityType, existing: ExistingRecord, items: PlanItem[]): void {
    this.seen[entity].add(existing.id);
    if (existing.deleted || existing.ended) return;
    items.push({
      entityType: entity,
      action: ChangeAction.END,
      entityId: existing.id,
      sourceId: existing.sourceId,
      label: changeLabel(existing.key, existing.sourceId),
      recordKey: existing.key,
      schoolId: existing.schoolId,
      role: existing.role,
      before: null,
      after: null,
    });
  }

  /**
   * Live records the source no longer has. Edit never deletes schools, people or sections (nor
   * terms and courses); enrollments of synced sections follow the source. Reset deletes them all.
   */
  private async planDeletes(entity: EntityType): Promise<void> {
    const { districtId, mode } = this.options;
    if (mode === SyncMode.EDIT && entity !== 'enrollments') return;
    // Only ids the run did not see can be deletions: read live ids only around the bitmap's gaps.
    for await (const ids of liveIdsWithin(this.ds.manager, districtId, ROSTER_TABLES[entity].table, this.seen[entity].gapSpans(1000))) {
      const unseen = ids.filter((id) => !this.seen[entity].has(id));
      if (unseen.length === 0) continue;
      let records =
        entity === 'enrollments'
          ? await enrollmentsByIds(this.ds.manager, districtId, unseen)
          : await findExisting(this.ds.manager, districtId, entity, 'id', unseen);
      if (mode === SyncMode.EDIT) {
        const states = await this.store.keyStates(
          'sections',
          records.map((r) => splitEnrollmentKey(r.key)[0]),
        );
        records = records.filter((r) => states.get(splitEnrollmentKey(r.key)[0])?.state === 'K');
      }
      await this.store.add(
        records.map((r) => ({
          entityType: entity,
          action: ChangeAction.DELETE,
          entityId: r.id,
          sourceId: r.sourceId,
          label: changeLabel(r.key, r.sourceId),
          recordKey: r.key,
          schoolId: r.schoolId,
          role: r.role,
          before: r.values,
          after: null,
        })),
      );
      await this.pacer.pause();
    }
  }
}
