import type { DataSource } from 'typeorm';
import { ENTITY_TYPES, type EntityType } from '../../roster/roster-enums.js';
import { insertStageRows } from './stage-insert.js';
import { CREATE_STAGE_COLUMNS } from './create-stage.columns.js';
import { dialectOf, insertIgnore } from './sql-dialect.js';
import type { StageTables } from './stage-tables.js';
import { splitEnrollmentKey, type PlannedRecord } from './sync-plan.js';

/**
 * The records a run will create, staged as rows of their entity type's table in source
 * order. Apply copies them into the roster with set-based SQL, so a first sync of a large
 * district never brings its records back into the process.
 */
export class CreateStage {
  constructor(
    private readonly ds: DataSource,
    private readonly tables: StageTables,
  ) {}

  /** Stages records to create; an enrollment the source repeats is staged once. */
  async add(entity: EntityType, records: PlannedRecord[]): Promise<void> {
    if (records.length === 0) return;
    const columns = CREATE_STAGE_COLUMNS[entity];
    const rows = records.map((r) => {
      if (entity !== 'enrollments') return [r.sourceId, ...columns.map((c) => r.values[c] ?? null)];
      const [section, person, role] = splitEnrollmentKey(r.key);
      return [r.sourceId, section, person, role, r.values.primary ?? 'false', r.values.beginDate ?? null, r.values.endDate ?? null];
    });
    const verb = entity === 'enrollments' ? insertIgnore(dialectOf(this.ds)) : 'INSERT';
    await insertStageRows(this.ds, this.tables.creates[entity], ['sourceId', ...columns], rows, { verb });
    if (entity === 'people') {
      const links = records.flatMap((r) =>
        (r.values.schools ?? '')
          .split(',')
          .filter(Boolean)
          .map((school) => [r.sourceId, school]),
      );
      await insertStageRows(this.ds, this.tables.links, ['personSourceId', 'schoolSourceId'], links);
    }
  }

  /** Records staged for creation per entity type. */
  async counts(): Promise<Record<EntityType, number>> {
    const counts = {} as Record<EntityType, number>;
    for (const e of ENTITY_TYPES) {
      const [r] = await this.ds.query(`SELECT COUNT(*) AS n FROM ${this.tables.creates[e]}`);
      counts[e] = Number(r.n);
    }
    return counts;
  }
}
