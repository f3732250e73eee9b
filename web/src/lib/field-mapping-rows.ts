/** A field mapping as the API gives it: which source field feeds a Homeroom field. */
export interface FieldMappingEntry {
  entityType: string;
  targetField: string;
  sourceField: string;
}

export interface MappingRow {
  entityType: string;
  targetField: string;
  defaultSource: string | null;
  override: string | null;
}

/** Every mappable field of the district's source (its defaults, from the API) with the district's override. */
export function mappingRows(defaults: ReadonlyArray<FieldMappingEntry>, overrides: ReadonlyArray<FieldMappingEntry>): MappingRow[] {
  const rows = new Map<string, MappingRow>();
  for (const d of defaults) {
    rows.set(`${d.entityType}.${d.targetField}`, { entityType: d.entityType, targetField: d.targetField, defaultSource: d.sourceField, override: null });
  }
  for (const o of overrides) {
    const key = `${o.entityType}.${o.targetField}`;
    const row = rows.get(key) ?? { entityType: o.entityType, targetField: o.targetField, defaultSource: null, override: null };
    rows.set(key, { ...row, override: o.sourceField });
  }
  return [...rows.values()];
}
