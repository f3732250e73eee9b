import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../../src/app-context.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { SyncMode, SyncStatus } from '../../src/sync/sync-enums.js';
import { createDistrict, sync, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

function folder(files: Record<string, string[]>, eol = '\n'): string {
  const dir = mkdtempSync(join(tmpdir(), 'homeroom-or-'));
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), `${lines.join(eol)}${eol}`);
  return dir;
}

/** A OneRoster 1.1 bulk export as an SIS writes it. */
function oneRoster(): Record<string, string[]> {
  return {
    'manifest.csv': [
      'propertyName,value',
      'manifest.version,1.0',
      'oneroster.version,1.1',
      'file.orgs,bulk',
      'file.academicSessions,bulk',
      'file.courses,bulk',
      'file.classes,bulk',
      'file.users,bulk',
      'file.enrollments,bulk',
      'file.demographics,absent',
    ],
    'orgs.csv': [
      'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId',
      'D1,active,,Riverside Unified,district,,',
      'O1,active,,Riverside High,school,RHS,D1',
      'O2,tobedeleted,,Closed School,school,CS,D1',
    ],
    'academicSessions.csv': [
      'sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear',
      'AS1,active,,2026-27,schoolYear,2026-08-01,2027-06-30,,2027',
      'AS2,active,,Fall,semester,2026-08-01,2026-12-20,AS1,2027',
    ],
    'courses.csv': [
      'sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects',
      'CO1,active,,AS1,Biology,BIO1,10,O1,Science',
    ],
    'classes.csv': [
      'sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,periods',
      'CL1,active,,Biology - P1,10,CO1,BIO1-1,scheduled,Room 5,O1,"AS1,AS2",Science,1',
    ],
    'users.csv': [
      'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password',
      'U1,active,,true,O1,teacher,mcurie,,Marie,Curie,,T100,mcurie@riverside.org,,,,,',
      'U2,active,,true,O1,student,jdoe,,Jane,Doe,,S200,jdoe@riverside.org,,,,10,',
      'U3,active,,true,O1,student,rroe,,Rick,Roe,,S201,,,,,10,',
      'U4,active,,true,O1,parent,pdoe,,Pat,Doe,,,,,,,,',
      'U5,tobedeleted,,true,O1,student,gone,,Gone,Away,,S202,,,,,10,',
    ],
    'enrollments.csv': [
      'sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate',
      'E1,active,,CL1,O1,U1,teacher,true,,',
      'E2,active,,CL1,O1,U2,student,false,,',
      'E3,active,,CL1,O1,U3,student,false,2026-08-01,2026-09-30',
      'E4,active,,CL1,O1,U5,student,false,,',
    ],
  };
}

describe.each(DIALECTS)('CSV sources through the sync engine on %s', (dialect) => {
  let db: TestDatabase;
  let app: AppContext;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = testApp(db);
  });
  afterAll(() => db.drop());

  it('syncs a OneRoster export: schools, dated enrollments, skipped roles and tobedeleted rows', async () => {
    const dir = folder(oneRoster(), '\r\n');
    const d = await createDistrict(app, 'Riverside', SourceKind.ONEROSTER_CSV, { path: dir });
    const run = await sync(app, d.id, { asOf: '2026-11-23' });
    expect(run.status).toBe(SyncStatus.LAUNCHED);
    expect(run.counts!.schools.created).toBe(1);
    expect(run.counts!.people.created).toBe(3);
    expect(run.counts!.enrollments.created).toBe(2); // U3's enrollment ended in September; U5 is deleted at the source
    expect(run.issueCounts).toMatchObject({ ROLE_SKIPPED: 1, NOT_ACTIVE: 1 });
    const [section] = await db.ds.query('SELECT s.name, t.sourceId AS term FROM section s JOIN term t ON t.id = s.termId WHERE s.districtId = ?', [d.id]);
    expect(section).toEqual({ name: 'Biology - P1', term: 'AS1' });
    const [teacher] = await db.ds.query(
      "SELECT p.email, e.`primary` AS isPrimary FROM enrollment e JOIN person p ON p.id = e.personId WHERE e.role = 'TEACHER' AND e.districtId = ?",
      [d.id],
    );
    expect([teacher.email, Number(teacher.isPrimary)]).toEqual(['mcurie@riverside.org', 1]);
  });

  it('fails the run with one message naming a missing file, and a Reset then deletes nothing', async () => {
    const dir = folder(oneRoster());
    const d = await createDistrict(app, 'Riverside 2', SourceKind.ONEROSTER_CSV, { path: dir });
    expect((await sync(app, d.id)).status).toBe(SyncStatus.LAUNCHED);
    unlinkSync(join(dir, 'classes.csv'));
    const run = await sync(app, d.id, { mode: SyncMode.RESET, overrideThreshold: true });
    expect(run.status).toBe(SyncStatus.FAILED);
    expect(run.error).toMatch(/classes\.csv/);
    const live = await db.ds.query('SELECT COUNT(*) AS n FROM person WHERE districtId = ? AND deletedAt IS NULL', [d.id]);
    expect(Number(live[0].n)).toBe(3);
  });
});
