/** Plain-language explanation of each sync issue code, and how to fix it at the source. */
export interface IssueExplanation {
  title: string;
  meaning: string;
  fix: string;
}

export const ISSUE_CODES: Record<string, IssueExplanation> = {
  TEACHER_NO_SCHOOL: {
    title: 'Teacher not assigned to a school',
    meaning:
      'The teacher exists in the source but is attached to the district only, not to any school that is synced, so Homeroom cannot place them and left them out.',
    fix: 'In your SIS, give the teacher a school assignment (a school-level staff record, not only a district-level one) for a school selected in Settings → Schools. The next sync picks them up.',
  },
  STUDENT_NO_SCHOOL: {
    title: 'Student not enrolled in a school',
    meaning: 'The student is in the source but belongs to no synced school, so they were left out.',
    fix: 'Enroll the student in a school in your SIS (check their enrollment status and entry date), or select their school in Settings → Schools.',
  },
  SCHOOL_NOT_SELECTED: {
    title: 'School not selected for syncing',
    meaning: 'The record belongs only to schools that are deselected for this district, so it was skipped on purpose. Nothing was deleted.',
    fix: 'If this school should sync, select it in Settings → Schools. Otherwise no action is needed.',
  },
  UNKNOWN_SCHOOL: {
    title: 'Points to a school the source does not have',
    meaning: 'The record names a school id that is not in the source’s school list (often a closed or renamed school).',
    fix: 'Correct the school assignment in your SIS, or make sure the school itself is shared with Homeroom (Clever: check the school is shared with the application).',
  },
  UNKNOWN_SECTION: {
    title: 'Enrollment in a section the source does not have',
    meaning: 'An enrollment names a class that is not in the source (deleted, not shared, or not active).',
    fix: 'Check that the class exists and is shared in your SIS export; remove stale enrollments there.',
  },
  UNKNOWN_PERSON: {
    title: 'Enrollment of a person the source does not have',
    meaning: 'An enrollment names a student or teacher who is not in the source’s people list.',
    fix: 'Make sure the student or teacher record is exported (active, with a school) or remove the stale enrollment in your SIS.',
  },
  UNKNOWN_TERM: {
    title: 'Section names an unknown term',
    meaning: 'The class points to a term the source does not list; it was synced without a term.',
    fix: 'Add or share the term (academic session) in your SIS, or correct the class’s term.',
  },
  UNKNOWN_COURSE: {
    title: 'Section names an unknown course',
    meaning: 'The class points to a course the source does not list; it was synced without a course.',
    fix: 'Add the course to your SIS course catalog export, or correct the class’s course.',
  },
  NOT_ACTIVE: {
    title: 'Not active on the sync date',
    meaning: 'The term, class or enrollment does not cover the date of the sync (for example a future or past term), so it was not synced.',
    fix: 'Check the term and enrollment dates in your SIS. For an early new-year rollover, sync with an “as of” date in the new term.',
  },
  MISSING_REQUIRED_FIELD: {
    title: 'A required field is blank',
    meaning: 'The record lacks something Homeroom needs (an id, a name…), so it was skipped.',
    fix: 'Fill in the field in your SIS. If the value lives in another source column, change the field mapping in Settings → Field mappings.',
  },
  INVALID_VALUE: {
    title: 'A value could not be read',
    meaning: 'A field holds a value in the wrong format (a date, a grade, an email…). Depending on the field, the record or just the field was left out.',
    fix: 'Correct the value in your SIS, or point the field mapping at a column with the expected format.',
  },
  DUPLICATE_SOURCE_ID: {
    title: 'The same id appears twice',
    meaning: 'Two records of the same type share one source id; only the first was synced.',
    fix: 'Remove the duplicate record in your SIS or export (often a student listed under two schools with different data).',
  },
  ROLE_CHANGE_SKIPPED: {
    title: 'Role change not applied',
    meaning:
      'The source now lists an existing person with a different role (e.g. student → teacher). An Edit sync never changes roles, so the person kept their old role.',
    fix: 'If the new role is right, run a Reset sync (which follows the source’s roles). If not, correct the role in your SIS.',
  },
  ROLE_SKIPPED: {
    title: 'Role not synced',
    meaning: 'The source has users with a role Homeroom does not sync (administrators, aides, guardians…). They were skipped on purpose.',
    fix: 'No action needed unless those people should be teachers or students; then change their role in your SIS.',
  },
  RESET_THRESHOLD_EXCEEDED: {
    title: 'Reset refused: too many deletions',
    meaning:
      'The Reset would remove more than the district’s safety threshold of some record type, so Homeroom refuses it and nothing changes (a preview shows the refusal before you start).',
    fix: 'Check that the source is complete (a partial export often causes this). If the deletions are intended, start the Reset again with the threshold override.',
  },
};

export function explainIssue(code: string): IssueExplanation {
  return (
    ISSUE_CODES[code] ?? {
      title: code
        .replace(/_/g, ' ')
        .toLowerCase()
        .replace(/^./, (c) => c.toUpperCase()),
      meaning: 'See the individual messages below.',
      fix: 'Check the record in your SIS.',
    }
  );
}
