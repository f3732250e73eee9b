import { describe, expect, it } from 'vitest';
import { peopleCsv } from './people-csv';

describe('people CSV', () => {
  it('lists new students with grade and schools, new teachers without grade', () => {
    const p = {
      sourceId: 's1',
      givenName: 'Ana',
      familyName: "O'Neil, Jr",
      email: 'ana@x.org',
      username: null,
      sisId: '42',
      grade: '3',
      schools: [{ name: 'Lincoln' }, { name: 'Adams' }],
    };
    expect(peopleCsv([p], 'STUDENT')).toBe(
      'First name,Last name,Email,Username,SIS id,Source id,Grade,Schools\r\nAna,"O\'Neil, Jr",ana@x.org,,42,s1,3,Lincoln; Adams\r\n',
    );
    expect(peopleCsv([p], 'TEACHER').split('\r\n')[0]).toBe('First name,Last name,Email,Username,SIS id,Source id,Schools');
  });
});
