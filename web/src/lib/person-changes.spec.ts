import { describe, expect, it } from 'vitest';
import { changedFieldLines, describePersonChange, isDeparture } from './person-changes';

describe('person changes in words', () => {
  it('says which section was joined or left', () => {
    expect(describePersonChange({ entityType: 'enrollments', action: 'DELETE', section: { name: 'Math 1' }, fields: [] })).toBe('Left Math 1');
    expect(describePersonChange({ entityType: 'enrollments', action: 'CREATE', section: { name: 'Art' }, fields: [] })).toBe('Joined Art');
    expect(describePersonChange({ entityType: 'enrollments', action: 'END', section: { name: 'Old Math' }, fields: [] })).toBe('Old Math: ended');
    expect(describePersonChange({ entityType: 'enrollments', action: 'DELETE', section: null, fields: [] })).toBe('Left a section no longer on the roster');
    expect(isDeparture({ entityType: 'enrollments', action: 'DELETE', fields: [] })).toBe(true);
    expect(isDeparture({ entityType: 'enrollments', action: 'RESTORE', fields: [] })).toBe(false);
  });

  it('names the fields an update changed, with before and after', () => {
    const c = {
      entityType: 'people',
      action: 'UPDATE',
      fields: [
        { field: 'givenName', before: 'Kid1', after: 'Kit' },
        { field: 'email', before: null, after: 'k@x.org' },
      ],
    };
    expect(describePersonChange(c)).toBe('Updated: first name, email');
    expect(changedFieldLines(c)).toEqual(['first name: Kid1 → Kit', 'email: — → k@x.org']);
    expect(changedFieldLines({ ...c, action: 'CREATE' })).toEqual([]);
    expect(describePersonChange({ entityType: 'people', action: 'CREATE', fields: [] })).toBe('Added to the roster');
  });
});
