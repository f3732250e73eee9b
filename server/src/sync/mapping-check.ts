import { ENTITY_TYPES, type EntityType } from '../roster/roster-enums.js';
import type { FieldMappingTable, RosterSource } from './sources/roster-source.js';
import { SourceError } from '../errors.js';

/** Records read to learn a source's fields when it cannot list them itself. */
const SAMPLE = 50;

/**
 * The source fields records of an entity type carry: the source's own list (a CSV header,
 * a first page) or else the keys of its first records. null when it cannot tell (no records).
 */
export async function availableFieldsOf(source: RosterSource, entity: EntityType, signal?: AbortSignal): Promise<Set<string> | null> {
  if (source.availableFields) {
    const listed = await source.availableFields(entity, signal);
    if (listed) return new Set(listed);
  }
  const fields = new Set<string>();
  let n = 0;
  for await (const record of source.records(entity, signal)) {
    for (const key of Object.keys((record as { fields?: object }).fields ?? {})) fields.add(key);
    if (++n >= SAMPLE) break;
  }
  source.takeProblems?.(); // a peek, not a read: problems belong to the run that reads everything
  return n > 0 ? fields : null;
}

/** The mappings that differ from the source's defaults, per entity type: the ones a person chose. */
export function overridesOf(source: RosterSource, mappings: FieldMappingTable): Array<{ entity: EntityType; target: string; from: string }> {
  const defaults = source.defaultMappings();
  const out: Array<{ entity: EntityType; target: string; from: string }> = [];
  for (const entity of ENTITY_TYPES) {
    for (const [target, from] of Object.entries(mappings[entity] ?? {})) {
      if (from && defaults[entity]?.[target] !== from) out.push({ entity, target, from });
    }
  }
  return out;
}

export const missingFieldMessage = (entity: string, target: string, from: string) => `mapping ${entity}.${target} → ${from}: the source has no such column`;

/**
 * Refuses mappings that name a field the source does not have: such a mapping would write
 * blanks over good values in every record. Only overrides are checked (a default may name
 * an optional column an export leaves out). Throws SourceError naming the first bad one, so
 * a run fails in planning before anything is compared or written.
 */
export async function checkMappings(source: RosterSource, mappings: FieldMappingTable, signal?: AbortSignal): Promise<void> {
  const byEntity = new Map<EntityType, Array<{ target: string; from: string }>>();
  for (const o of overridesOf(source, mappings)) byEntity.set(o.entity, [...(byEntity.get(o.entity) ?? []), o]);
  for (const [entity, list] of byEntity) {
    const fields = await availableFieldsOf(source, entity, signal);
    if (!fields) continue;
    const bad = list.find((m) => !fields.has(m.from));
    if (bad) throw new SourceError(missingFieldMessage(entity, bad.target, bad.from));
  }
}
