/** A person-page history row in words: what a run did to the person or to one of their section memberships. */
export interface PersonChangeLike {
  entityType: string;
  action: string;
  section?: { name: string } | null;
  fields: ReadonlyArray<{ field: string; before?: string | null; after?: string | null }>;
}

const ENROLLMENT: Record<string, string> = {
  CREATE: 'Joined',
  DELETE: 'Left',
  RESTORE: 'Rejoined',
  UPDATE: 'Changed in',
};

/** Field names as the roster pages label them. */
const FIELD_LABELS: Record<string, string> = {
  givenName: 'first name',
  middleName: 'middle name',
  familyName: 'last name',
  email: 'email',
  username: 'username',
  sisId: 'SIS id',
  stateId: 'state id',
  grade: 'grade',
  role: 'role',
  schools: 'schools',
  primary: 'primary teacher',
};
const label = (field: string) => FIELD_LABELS[field] ?? field;

const PERSON: Record<string, string> = {
  CREATE: 'Added to the roster',
  DELETE: 'Removed from the roster',
  RESTORE: 'Restored to the roster',
  END: 'Ended (not active on the sync date)',
  UPDATE: 'Updated',
};

export function describePersonChange(c: PersonChangeLike): string {
  const section = c.section?.name ?? 'a section no longer on the roster';
  if (c.entityType === 'enrollments') return c.action === 'END' ? `${section}: ended` : `${ENROLLMENT[c.action] ?? c.action} ${section}`;
  if (c.action === 'UPDATE' && c.fields.length) return `${PERSON.UPDATE}: ${c.fields.map((f) => label(f.field)).join(', ')}`;
  return PERSON[c.action] ?? c.action;
}

/** The before → after lines an update shows (other actions show no field list). */
export function changedFieldLines(c: PersonChangeLike): string[] {
  if (c.action !== 'UPDATE') return [];
  return c.fields.map((f) => `${label(f.field)}: ${f.before || '—'} → ${f.after || '—'}`);
}

/** Whether the change took the person out of a section or off the roster (shown in red). */
export function isDeparture(c: PersonChangeLike): boolean {
  return c.action === 'DELETE' || c.action === 'END';
}
