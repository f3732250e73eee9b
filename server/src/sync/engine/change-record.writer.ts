import type { DataSource } from 'typeorm';
import { ENTITY_TYPES } from '../../roster/roster-enums.js';
import { insertRows } from './batch-sql.js';
import { writeCreatesAsChanges } from './create-applier.js';
import type { PlanStore } from './plan-store.js';
import { StepPacer } from './step-pacer.js';
import { CHANGE_COLUMNS, changeRow } from './sync-applier.js';

/** A dry run's change record is its plan: the exact records that would be created, updated, restored, ended and deleted. */
export async function writePlanAsChanges(ds: DataSource, store: PlanStore, runId: number, districtId: number, pacer = new StepPacer(null)): Promise<void> {
  for (const entity of ENTITY_TYPES) {
    await writeCreatesAsChanges(ds.manager, store.tables, entity, { runId, districtId }, pacer);
    for await (const batch of store.batches(entity)) {
      await insertRows(
        ds.manager,
        'sync_change',
        CHANGE_COLUMNS,
        batch.map((item) => changeRow(runId, districtId, item, item.entityId)),
      );
      await pacer.pause();
    }
  }
}
