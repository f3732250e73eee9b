import { describe, expect, it } from 'vitest';
import { mappingRows } from './field-mapping-rows';

describe('field mapping rows', () => {
  it('list every default field (as the API gives them) with the district override', () => {
    const defaults = [
      { entityType: 'people', targetField: 'email', sourceField: 'email' },
      { entityType: 'people', targetField: 'givenName', sourceField: 'name.first' },
      { entityType: 'sections', targetField: 'name', sourceField: 'name' },
    ];
    const rows = mappingRows(defaults, [{ entityType: 'people', targetField: 'email', sourceField: 'sisEmail' }]);
    expect(rows.find((r) => r.entityType === 'people' && r.targetField === 'email')).toEqual({
      entityType: 'people',
      targetField: 'email',
      defaultSource: 'email',
      override: 'sisEmail',
    });
    expect(rows.filter((r) => r.override).length).toBe(1);
    expect(rows.length).toBe(defaults.length);
  });
});
