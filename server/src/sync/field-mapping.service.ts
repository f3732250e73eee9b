import type { DataSource } from 'typeorm';
import type { EntityType } from '../roster/roster-enums.js';
import { FieldMapping } from './field-mapping.entity.js';
import type { FieldMappingTable } from './sources/roster-source.js';

/** The source defaults with the district's own overrides applied. */
export async function effectiveMappings(ds: DataSource, districtId: number, defaults: FieldMappingTable): Promise<FieldMappingTable> {
  const overrides = await ds.getRepository(FieldMapping).findBy({ districtId });
  const table: FieldMappingTable = {};
  for (const [entity, map] of Object.entries(defaults)) table[entity as EntityType] = { ...map };
  for (const o of overrides) {
    const entity = o.entityType as EntityType;
    table[entity] = { ...(table[entity] ?? {}), [o.targetField]: o.sourceField };
  }
  return table;
}
