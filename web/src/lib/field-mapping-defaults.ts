/**
 * The source fields that feed each Homeroom field by default, per source kind. Mirrors the
 * sources' defaultMappings() (server/src/sync/sources/*); a unit test keeps them equal.
 */
export type MappingTable = Partial<Record<string, Record<string, string>>>;

export const DEFAULT_MAPPINGS: Record<string, MappingTable> = {
  CLEVER_API: {
    schools: { name: 'name', schoolNumber: 'school_number', stateId: 'state_id', ncesId: 'nces_id', lowGrade: 'low_grade', highGrade: 'high_grade', principal: 'principal.name' },
    terms: { name: 'name', startDate: 'start_date', endDate: 'end_date' },
    courses: { name: 'name', number: 'number' },
    people: {
      givenName: 'name.first', middleName: 'name.middle', familyName: 'name.last', email: 'email',
      username: 'role.credentials.district_username', sisId: 'role.sis_id', stateId: 'role.state_id', grade: 'role.grade',
    },
    sections: { name: 'name', sectionNumber: 'section_number', period: 'period', grade: 'grade', subject: 'subject' },
  },
  CLEVER_CSV: {
    schools: { name: 'School_name', schoolNumber: 'School_number', stateId: 'State_id', ncesId: 'NCES_id', lowGrade: 'Low_grade', highGrade: 'High_grade', principal: 'Principal' },
    terms: { name: 'Term_name', startDate: 'Term_start', endDate: 'Term_end' },
    courses: { name: 'Course_name', number: 'Course_number', subject: 'Subject' },
    people: { givenName: 'First_name', middleName: 'Middle_name', familyName: 'Last_name', email: 'Email', username: 'Username', sisId: 'Number', stateId: 'State_id', grade: 'Grade' },
    sections: { name: 'Name', sectionNumber: 'Section_number', period: 'Period', grade: 'Grade', subject: 'Subject' },
  },
  ONEROSTER_CSV: {
    schools: { name: 'name', schoolNumber: 'identifier' },
    terms: { name: 'title', startDate: 'startDate', endDate: 'endDate' },
    courses: { name: 'title', number: 'courseCode', subject: 'subjects' },
    people: { givenName: 'givenName', middleName: 'middleName', familyName: 'familyName', email: 'email', username: 'username', sisId: 'identifier', grade: 'grades' },
    sections: { name: 'title', sectionNumber: 'classCode', period: 'periods', grade: 'grades', subject: 'subjects' },
  },
  DEMO: {
    schools: { name: 'name', schoolNumber: 'schoolNumber', stateId: 'stateId', ncesId: 'ncesId', lowGrade: 'lowGrade', highGrade: 'highGrade', principal: 'principal' },
    terms: { name: 'name', startDate: 'startDate', endDate: 'endDate' },
    courses: { name: 'name', number: 'number', subject: 'subject' },
    people: { givenName: 'givenName', middleName: 'middleName', familyName: 'familyName', email: 'email', username: 'username', sisId: 'sisId', stateId: 'stateId', grade: 'grade' },
    sections: { name: 'name', sectionNumber: 'sectionNumber', period: 'period', grade: 'grade', subject: 'subject' },
  },
};

export interface MappingRow {
  entityType: string;
  targetField: string;
  defaultSource: string | null;
  override: string | null;
}

/** Every mappable field of a source kind, with its default and the district's override. */
export function mappingRows(sourceKind: string, overrides: ReadonlyArray<{ entityType: string; targetField: string; sourceField: string }>): MappingRow[] {
  const defaults = DEFAULT_MAPPINGS[sourceKind] ?? {};
  const rows = new Map<string, MappingRow>();
  for (const [entityType, fields] of Object.entries(defaults)) {
    for (const [targetField, source] of Object.entries(fields ?? {})) {
      rows.set(`${entityType}.${targetField}`, { entityType, targetField, defaultSource: source, override: null });
    }
  }
  for (const o of overrides) {
    const key = `${o.entityType}.${o.targetField}`;
    const row = rows.get(key) ?? { entityType: o.entityType, targetField: o.targetField, defaultSource: null, override: null };
    rows.set(key, { ...row, override: o.sourceField });
  }
  return [...rows.values()];
}
