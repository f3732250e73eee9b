import { describe, expect, it } from '@jest/globals';
import { SOURCE_LABELS } from '../../../web/src/lib/format.js';
import { mappingRows } from '../../../web/src/lib/field-mapping-rows.js';
import { SOURCE_KIND_OPTIONS } from '../../../web/src/lib/source-form.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { CLEVER_API_MAPPINGS } from '../../src/sync/sources/clever-api.source.js';
import { CleverCsvSource } from '../../src/sync/sources/clever-csv.source.js';
import { defaultMappingRows } from '../../src/sync/sources/default-mappings.js';
import { OneRosterCsvSource } from '../../src/sync/sources/oneroster-csv.source.js';

/**
 * Where the dashboard must agree with the server's own code (source kinds, default field
 * mappings). The dashboard's pure helpers are tested beside their code (web/src/lib/*.spec.ts).
 */
describe('the dashboard agrees with the server', () => {
  it('offers every source kind the server has, each with a label', () => {
    expect(SOURCE_KIND_OPTIONS.map((o) => o.value).sort()).toEqual(Object.keys(SourceKind).sort());
    for (const k of Object.keys(SourceKind)) expect(SOURCE_LABELS[k]).toBeDefined();
  });

  it('lists every field of the server’s source defaults with the district override', () => {
    const defaults = defaultMappingRows(SourceKind.DEMO);
    const rows = mappingRows(defaults, [{ entityType: 'people', targetField: 'email', sourceField: 'sisEmail' }]);
    expect(rows.length).toBe(defaults.length);
    expect(rows.filter((r) => r.override).length).toBe(1);
  });

  it('shows each source kind’s own defaults', () => {
    expect(defaultMappingRows(SourceKind.CLEVER_API)).toContainEqual({
      entityType: 'people',
      targetField: 'email',
      sourceField: CLEVER_API_MAPPINGS.people!.email,
    });
    expect(defaultMappingRows(SourceKind.CLEVER_CSV)).toContainEqual({
      entityType: 'people',
      targetField: 'email',
      sourceField: new CleverCsvSource({ path: '/nonexistent' }).defaultMappings().people!.email,
    });
    expect(defaultMappingRows(SourceKind.ONEROSTER_CSV)).toContainEqual({
      entityType: 'sections',
      targetField: 'name',
      sourceField: new OneRosterCsvSource({ path: '/nonexistent' }).defaultMappings().sections!.name,
    });
  });
});
