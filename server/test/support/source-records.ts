import type { EntityType } from '../../src/roster/roster-enums.js';
import type { RawFields, RosterSource, SourceRecordOf } from '../../src/sync/sources/roster-source.js';

/** Every record a source yields for one entity type. */
export async function all<E extends EntityType>(source: RosterSource, entity: E): Promise<SourceRecordOf[E][]> {
  const out: SourceRecordOf[E][] = [];
  for await (const r of source.records(entity)) out.push(r);
  return out;
}

/** What the engine does with a record: Homeroom field → record.fields[mapping[field]]. */
export function mapped(source: RosterSource, entity: EntityType, fields: RawFields): Record<string, unknown> {
  const mapping = source.defaultMappings()[entity]!;
  return Object.fromEntries(Object.entries(mapping).map(([field, from]) => [field, fields[from] ?? null]));
}
