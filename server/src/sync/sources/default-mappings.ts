import { SourceKind } from '../../roster/roster-enums.js';
import { CLEVER_API_MAPPINGS } from './clever-api.source.js';
import { CLEVER_CSV_MAPPINGS } from './clever-csv.source.js';
import { DEMO_MAPPINGS } from './demo.source.js';
import { ONEROSTER_MAPPINGS } from './oneroster-mappings.js';
import type { FieldMappingTable } from './roster-source.js';

const DEFAULTS: Record<SourceKind, FieldMappingTable> = {
  [SourceKind.CLEVER_API]: CLEVER_API_MAPPINGS,
  [SourceKind.CLEVER_CSV]: CLEVER_CSV_MAPPINGS,
  [SourceKind.ONEROSTER_CSV]: ONEROSTER_MAPPINGS,
  [SourceKind.ONEROSTER_API]: ONEROSTER_MAPPINGS,
  [SourceKind.DEMO]: DEMO_MAPPINGS,
};

/** The source field feeding each Homeroom field when a district sets no override. */
export function defaultMappingsFor(kind: SourceKind): FieldMappingTable {
  return DEFAULTS[kind] ?? {};
}

/** The same as rows, for the API. */
export function defaultMappingRows(kind: SourceKind): Array<{ entityType: string; targetField: string; sourceField: string }> {
  return Object.entries(defaultMappingsFor(kind)).flatMap(([entityType, fields]) =>
    Object.entries(fields ?? {}).map(([targetField, sourceField]) => ({ entityType, targetField, sourceField })),
  );
}
