import type { DataSource } from 'typeorm';
import { ENTITY_TYPES } from '../../roster/roster-enums.js';
import type { StageTables } from './stage-tables.js';

const EXAMPLES = 3;

/**
 * A Reset confirmed from a preview deletes exactly what the preview listed. Returns how the
 * new plan's deletions differ from the preview run's, or null when they are the same.
 */
export async function previewMismatch(ds: DataSource, tables: StageTables, previewRunId: number): Promise<string | null> {
  const differences: string[] = [];
  for (const entity of ENTITY_TYPES) {
    const [{ planned }] = await ds.query(`SELECT COUNT(*) AS planned FROM ${tables.plan} WHERE entityType = ? AND action = 'DELETE'`, [entity]);
    const [{ previewed }] = await ds.query("SELECT COUNT(*) AS previewed FROM sync_change WHERE runId = ? AND entityType = ? AND action = 'DELETE'", [
      previewRunId,
      entity,
    ]);
    const notPreviewed =
      `FROM ${tables.plan} p WHERE p.entityType = ? AND p.action = 'DELETE' AND NOT EXISTS ` +
      "(SELECT 1 FROM sync_change c WHERE c.runId = ? AND c.entityType = p.entityType AND c.action = 'DELETE' AND c.entityId = p.entityId)";
    const [{ n }] = await ds.query(`SELECT COUNT(*) AS n ${notPreviewed}`, [entity, previewRunId]);
    const added = Number(n);
    const examples: Array<{ label: string }> = added
      ? await ds.query(`SELECT p.label ${notPreviewed} ORDER BY p.id LIMIT ${EXAMPLES}`, [entity, previewRunId])
      : [];
    // Every other planned deletion was previewed: the counts tell whether the preview listed more.
    const dropped = Number(previewed) - (Number(planned) - added);
    if (added === 0 && dropped === 0) continue;
    const parts: string[] = [];
    if (added) parts.push(`${added} ${entity} the preview did not list (${examples.map((a) => a.label).join(', ')}${added > EXAMPLES ? ', …' : ''})`);
    if (dropped) parts.push(`no longer ${dropped} ${entity} it listed`);
    differences.push(parts.join(' and '));
  }
  if (differences.length === 0) return null;
  return `The source changed since preview run ${previewRunId}: this Reset would now delete ${differences.join('; ')}. Nothing was changed; preview the Reset again and confirm the new list.`;
}
