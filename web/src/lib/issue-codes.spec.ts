import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, explainIssue } from './issue-codes';

describe('issue codes', () => {
  it('explains every issue code the engine emits', () => {
    const codes = [
      'TEACHER_NO_SCHOOL',
      'STUDENT_NO_SCHOOL',
      'SCHOOL_NOT_SELECTED',
      'UNKNOWN_SCHOOL',
      'UNKNOWN_SECTION',
      'UNKNOWN_PERSON',
      'UNKNOWN_TERM',
      'UNKNOWN_COURSE',
      'NOT_ACTIVE',
      'MISSING_REQUIRED_FIELD',
      'INVALID_VALUE',
      'DUPLICATE_SOURCE_ID',
      'ROLE_CHANGE_SKIPPED',
      'ROLE_SKIPPED',
      'RESET_THRESHOLD_EXCEEDED',
    ];
    for (const code of codes) {
      expect(ISSUE_CODES[code]?.meaning.length).toBeGreaterThan(20);
      expect(ISSUE_CODES[code]?.fix.length).toBeGreaterThan(20);
    }
    expect(explainIssue('SOMETHING_NEW').title).toBe('Something new');
  });
});
