import type { FieldMappingTable } from './roster-source.js';

/**
 * Default mappings of both OneRoster sources: the CSV columns and the REST API's JSON fields
 * have the same names. From the API, references are flattened to `<field>.sourcedId`
 * (`course.sourcedId`), lists of references to their comma-joined sourcedIds (`orgs`,
 * `terms`), lists of values joined with commas (`grades`, `subjects`), `userIds` to
 * `userIds.<type>` (a vendor's state id is often `userIds.stateID`) and extensions to
 * `metadata.<name>`; CSV extension columns are passed through as they are. OneRoster has no
 * standard field for a school's state id, NCES id, grade range or principal, nor a person's
 * state id: those are not mapped by default. Terms carry YYYY-MM-DD dates.
 */
export const ONEROSTER_MAPPINGS: FieldMappingTable = {
  schools: { name: 'name', schoolNumber: 'identifier' },
  terms: { name: 'title', startDate: 'startDate', endDate: 'endDate' },
  courses: { name: 'title', number: 'courseCode', subject: 'subjects' },
  people: {
    givenName: 'givenName',
    middleName: 'middleName',
    familyName: 'familyName',
    email: 'email',
    username: 'username',
    sisId: 'identifier',
    grade: 'grades',
  },
  sections: { name: 'title', sectionNumber: 'classCode', period: 'periods', grade: 'grades', subject: 'subjects' },
};
