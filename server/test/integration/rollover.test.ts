import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminRole } from '../../src/auth/roles.js';
import { DemoDistrict } from '../../src/demo/demo-district.generator.js';
import { District } from '../../src/roster/district.entity.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { PersonRole } from '../../src/roster/roster-enums.js';
import { DemoSource } from '../../src/sync/sources/demo.source.js';
import { SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import type { SyncRun } from '../../src/sync/sync-run.entity.js';
import { executeSyncRun } from '../../src/sync/sync-run.executor.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import { adminSession, apiTokenFor, startApiServer, waitFor, type ApiServer } from '../support/api-harness.js';
import { FixtureSource, type FixtureData } from '../support/fixture-source.js';
import { createDistrict, sync } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

const STUDENTS = 1000;
const REFERENCE = '2026-11-23';

/** What the generated two-year district holds, to compare a run's counts with. */
function expected() {
  const d = new DemoDistrict({ students: STUDENTS, referenceDate: REFERENCE });
  const sections = [...d.sectionRecords()];
  const enrollments = [...d.enrollmentRecords()];
  const termOf = new Map(sections.map((s) => [s.sourceId, s.termSourceIds[0]]));
  const inTerms = (terms: string[]) => new Set(sections.filter((s) => terms.includes(s.termSourceIds[0])).map((s) => s.sourceId));
  const thisYear = inTerms(['trm-year', 'trm-fall']);
  const nextFirst = inTerms(['trm-next-year', 'trm-next-fall']);
  const nextFall = inTerms(['trm-next-fall']);
  const nextSpring = inTerms(['trm-next-spring']);
  const enrolled = (set: Set<string>) => enrollments.filter((e) => set.has(e.sectionSourceId)).length;
  const primary = new Map(enrollments.filter((e) => e.primary).map((e) => [e.sectionSourceId, e.personSourceId]));
  // Next year's sections whose primary teacher did not teach the course this year: continued by period.
  const changedHands = [...nextFirst].filter((id) => primary.get(id) !== primary.get(id.replace(/-n$/, ''))).length;
  return { thisYear, nextFirst, nextFall, nextSpring, enrolled, changedHands, termOf };
}

describe.each(DIALECTS)('school-year rollover on %s', (dialect) => {
  let api: ApiServer;

  beforeAll(async () => {
    api = await startApiServer(dialect);
  });
  afterAll(async () => api?.close());

  const links = async (runId: number) =>
    api.app.ds.query(
      `SELECT s.sourceId AS newId, o.sourceId AS oldId, s.predecessorRule AS rule, s.schoolId AS newSchool, o.schoolId AS oldSchool,
        s.courseId AS newCourse, o.courseId AS oldCourse, s.period AS newPeriod, o.period AS oldPeriod,
        (SELECT MIN(e.personId) FROM enrollment e WHERE e.sectionId = s.id AND e.role = 'TEACHER' AND e.\`primary\` = 1) AS newTeacher,
        (SELECT MIN(e.personId) FROM enrollment e WHERE e.sectionId = o.id AND e.role = 'TEACHER' AND e.\`primary\` = 1) AS oldTeacher
     FROM section s JOIN section o ON o.id = s.predecessorId
     WHERE s.id IN (SELECT entityId FROM sync_change WHERE runId = ? AND entityType = 'sections' AND action IN ('CREATE', 'RESTORE'))
     ORDER BY s.sourceId`,
      [runId],
    ) as Promise<Array<Record<string, string | number>>>;

  /** A run as the nightly schedule creates it: no as-of of its own. */
  const scheduled = async (districtId: number, source: DemoSource, mode = SyncMode.EDIT): Promise<SyncRun> => {
    const { run } = await new SyncRunService(api.app.ds).createRun({ districtId, mode, trigger: SyncTrigger.SCHEDULED, asOf: null });
    return executeSyncRun(api.app, run.id, { source });
  };

  it('goes through a year by dates: before the rollover, early rollover by the district date, first day, semester change, summer Reset', async () => {
    const x = expected();
    const districtId = (await createDistrict(api.app, 'Rollover Year', undefined, { students: STUDENTS })).id;
    const source = new DemoSource({ students: STUDENTS, referenceDate: REFERENCE });

    // Before: next year's terms and sections are in the source but not active; none is created.
    const before = await sync(api.app, districtId, { source, asOf: REFERENCE });
    expect(before.status).toBe(SyncStatus.LAUNCHED);
    expect(before.counts!.sections).toMatchObject({ created: x.thisYear.size, ended: 0, deleted: 0 });
    expect(before.counts!.terms).toMatchObject({ created: 2, ended: 0 });
    expect(before.counts!.enrollments).toMatchObject({ created: x.enrolled(x.thisYear), ended: 0, deleted: 0 });
    expect(await links(before.id)).toEqual([]);

    // Early rollover: the district syncs as of Aug 15 while that day is ahead; the run has no as-of.
    await new DistrictService(api.app.ds, api.app.config.secretKey).update(districtId, { syncAsOf: '2027-08-15' });
    const early = await scheduled(districtId, source);
    expect(early.status).toBe(SyncStatus.LAUNCHED);
    expect(early.asOf).toBeNull();
    expect(early.counts!.sections).toMatchObject({ created: x.nextFirst.size, ended: x.thisYear.size, deleted: 0 });
    expect(early.counts!.terms).toMatchObject({ created: 2, ended: 2, deleted: 0 });
    expect(early.counts!.enrollments).toMatchObject({ created: x.enrolled(x.nextFirst), ended: x.enrolled(x.thisYear), deleted: 0 });
    expect(early.counts!.people).toMatchObject({ created: 0, ended: 0, deleted: 0 });

    // Continuity: every new section continues one of last year's, in its own school.
    const rollover = await links(early.id);
    expect(rollover).toHaveLength(x.nextFirst.size);
    expect(new Set(rollover.map((l) => l.oldId)).size).toBe(rollover.length); // one successor each
    for (const l of rollover) {
      expect(x.thisYear.has(String(l.oldId))).toBe(true);
      expect(l.newSchool).toBe(l.oldSchool);
      expect(l.newCourse).toBe(l.oldCourse);
      if (l.rule === 'SAME_TEACHER') expect(l.newTeacher).toBe(l.oldTeacher);
      else {
        expect(l.rule).toBe('SAME_PERIOD');
        expect(l.newPeriod).toBe(l.oldPeriod);
      }
    }
    const byPeriod = rollover.filter((l) => l.rule === 'SAME_PERIOD');
    expect(x.changedHands).toBeGreaterThan(0);
    expect(byPeriod).toHaveLength(x.changedHands);
    // Teachers who kept their class: it continues into their own section, period for period.
    expect(rollover.filter((l) => l.rule === 'SAME_TEACHER').every((l) => l.oldId === String(l.newId).replace(/-n$/, ''))).toBe(true);

    // Another night before the first day: the district date still holds, nothing ends again.
    const night = await scheduled(districtId, source);
    expect(night.counts!.sections).toMatchObject({ created: 0, ended: 0, restored: 0, deleted: 0 });

    // The first day itself (a one-off as-of, as the rollover page starts it).
    const firstDay = await sync(api.app, districtId, { source, asOf: '2027-08-15', trigger: SyncTrigger.ROLLOVER });
    expect(firstDay.counts!.sections).toMatchObject({ created: 0, ended: 0, deleted: 0, unchanged: x.nextFirst.size });

    // Semester change: fall classes end, spring ones arrive and continue them (same teacher).
    const spring = await sync(api.app, districtId, { source, asOf: '2028-01-15' });
    expect(spring.counts!.sections).toMatchObject({ created: x.nextSpring.size, ended: x.nextFall.size, deleted: 0 });
    const semester = await links(spring.id);
    expect(semester).toHaveLength(x.nextSpring.size);
    expect(semester.every((l) => l.rule === 'SAME_TEACHER' && x.nextFall.has(String(l.oldId)) && l.newSchool === l.oldSchool)).toBe(true);

    // Summer Reset of an unchanged source: everything ends, nothing is deleted.
    const summer = await sync(api.app, districtId, { source, asOf: '2028-07-15', mode: SyncMode.RESET });
    expect(summer.status).toBe(SyncStatus.LAUNCHED);
    for (const entity of ['schools', 'terms', 'courses', 'people', 'sections', 'enrollments']) expect(summer.counts![entity].deleted).toBe(0);
    expect(summer.counts!.sections.ended).toBe(x.nextFirst.size - x.nextFall.size + x.nextSpring.size);
    const [{ n }] = await api.app.ds.query('SELECT COUNT(*) AS n FROM section WHERE districtId = ? AND deletedAt IS NOT NULL', [districtId]);
    expect(Number(n)).toBe(0);
  });

  it('names predecessors by teacher, else by period, never across schools', async () => {
    const teacher = (id: string, schools: string[]) => ({
      sourceId: id,
      role: PersonRole.TEACHER,
      schoolSourceIds: schools,
      fields: { givenName: id, familyName: 'Teacher' },
    });
    const section = (id: string, school: string, term: string, period: string) => ({
      sourceId: id,
      schoolSourceId: school,
      courseSourceId: 'C1',
      termSourceIds: [term],
      fields: { name: id, period },
    });
    const teaches = (sectionId: string, person: string) => ({
      sourceId: null,
      sectionSourceId: sectionId,
      personSourceId: person,
      role: PersonRole.TEACHER,
      primary: true,
    });
    const data: FixtureData = {
      schools: [
        { sourceId: 'S1', fields: { name: 'North' } },
        { sourceId: 'S2', fields: { name: 'South' } },
      ],
      terms: [
        { sourceId: 'OLD', fields: { name: 'Last year', startDate: '2025-08-01', endDate: '2026-06-30' } },
        { sourceId: 'NEW', fields: { name: 'This year', startDate: '2026-08-01', endDate: '2027-06-30' } },
      ],
      // One course id shared by both schools, and a teacher working in both: only the school keeps them apart.
      courses: [{ sourceId: 'C1', fields: { name: 'Math' } }],
      people: [teacher('T1', ['S1', 'S2']), teacher('T2', ['S1']), teacher('T3', ['S1']), teacher('T4', ['S2'])],
      sections: [
        section('OLD-A', 'S1', 'OLD', '1'),
        section('OLD-B', 'S1', 'OLD', '2'),
        section('NEW-A', 'S1', 'NEW', '3'), // T1 again, another period: same teacher
        section('NEW-B', 'S1', 'NEW', '2'), // T3 replaces T2 in period 2: same period
        section('NEW-C', 'S2', 'NEW', '1'), // T1 at the other school, same course id and period as OLD-A: no match
      ],
      enrollments: [teaches('OLD-A', 'T1'), teaches('OLD-B', 'T2'), teaches('NEW-A', 'T1'), teaches('NEW-B', 'T3'), teaches('NEW-C', 'T1')],
    };
    const source = new FixtureSource(data);
    const districtId = (await createDistrict(api.app, 'Continuity Rules')).id;
    expect((await sync(api.app, districtId, { source, asOf: '2026-03-01' })).status).toBe(SyncStatus.LAUNCHED);
    const run = await sync(api.app, districtId, { source, asOf: '2026-11-23' });
    expect(run.counts!.sections).toMatchObject({ created: 3, ended: 2 });
    expect((await links(run.id)).map((l) => [l.newId, l.oldId, l.rule])).toEqual([
      ['NEW-A', 'OLD-A', 'SAME_TEACHER'],
      ['NEW-B', 'OLD-B', 'SAME_PERIOD'],
    ]);

    // Back to a date in last year (a one-off as-of): last year's classes come back without
    // becoming the continuation of this year's (the links never loop).
    const back = await sync(api.app, districtId, { source, asOf: '2026-03-01' });
    expect(back.counts!.sections).toMatchObject({ restored: 2, ended: 3 });
    expect(await links(back.id)).toEqual([]);
    expect((await sync(api.app, districtId, { source, asOf: '2026-11-23' })).counts!.sections).toMatchObject({ restored: 3, ended: 2 });

    // Over GraphQL, to partners: predecessor, successor and the rule; the run lists its links.
    const token = await apiTokenFor(api, districtId);
    const res = await api.gql(
      `query ($d: ID!) { district(id: $d) {
      sections { edges { node { sourceId predecessorRule predecessor { sourceId } successor { sourceId } } } }
      ended: sections(includeEnded: true, search: "OLD") { edges { node { sourceId successor { sourceId predecessorRule } } } }
    } }`,
      { d: districtId },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.district.sections.edges.map((e: any) => e.node)).toEqual([
      { sourceId: 'NEW-A', predecessorRule: 'SAME_TEACHER', predecessor: { sourceId: 'OLD-A' }, successor: null },
      { sourceId: 'NEW-B', predecessorRule: 'SAME_PERIOD', predecessor: { sourceId: 'OLD-B' }, successor: null },
      { sourceId: 'NEW-C', predecessorRule: null, predecessor: null, successor: null },
    ]);
    expect(res.data.district.ended.edges.map((e: any) => e.node)).toEqual([
      { sourceId: 'OLD-A', successor: { sourceId: 'NEW-A', predecessorRule: 'SAME_TEACHER' } },
      { sourceId: 'OLD-B', successor: { sourceId: 'NEW-B', predecessorRule: 'SAME_PERIOD' } },
    ]);
    const admin = await adminSession(api, `continuity-${dialect}@example.org`, AdminRole.SUPPORT);
    const report = await api.gql(
      `query ($r: ID!) { syncRun(id: $r) { sectionLinks { totalCount edges { node { sourceId predecessorRule predecessor { sourceId } } } } } }`,
      { r: run.id },
      admin,
    );
    expect(report.errors).toBeUndefined();
    expect(report.data.syncRun.sectionLinks.totalCount).toBe(2);
    expect(report.data.syncRun.sectionLinks.edges.map((e: any) => [e.node.sourceId, e.node.predecessor.sourceId, e.node.predecessorRule])).toEqual([
      ['NEW-A', 'OLD-A', 'SAME_TEACHER'],
      ['NEW-B', 'OLD-B', 'SAME_PERIOD'],
    ]);
  });

  it('starts a rollover over GraphQL: preview, then the run (trigger ROLLOVER) that sets the district date for a future first day', async () => {
    const districtId = (await createDistrict(api.app, 'Rollover API', undefined, { students: 200 })).id;
    const admin = await adminSession(api, `rollover-${dialect}@example.org`, AdminRole.DISTRICT_ADMIN, districtId);
    const firstDay = new DemoDistrict({ students: 1 }).nextSchoolYear.start; // always ahead of today
    const runOf = async (id: string) =>
      waitFor(
        async () => {
          const r = await api.gql(
            `query ($id: ID!) { syncRun(id: $id) { id status trigger dryRun asOf counts { entity created ended deleted } } }`,
            { id },
            admin,
          );
          return ['LAUNCHED', 'FAILED'].includes(r.data?.syncRun?.status) ? r.data.syncRun : null;
        },
        60_000,
        'run to finish',
      );
    const start = `mutation ($i: StartRolloverInput!) { startRollover(input: $i) { alreadyRunning syncAsOf run { id trigger dryRun asOf } } }`;

    // Today's roster first, as a district has it before its rollover.
    const today = await api.gql(`mutation ($i: StartSyncInput!) { startSync(input: $i) { run { id } } }`, { i: { districtId: String(districtId) } }, admin);
    expect((await runOf(today.data.startSync.run.id)).status).toBe('LAUNCHED');

    const bad = await api.gql(start, { i: { districtId: String(districtId), firstDay: '2027-02-30' } }, admin);
    expect(bad.errors?.[0]?.message).toMatch(/2027-02-30|date/i);

    const preview = await api.gql(start, { i: { districtId: String(districtId), firstDay, dryRun: true } }, admin);
    expect(preview.errors).toBeUndefined();
    expect(preview.data.startRollover).toMatchObject({ alreadyRunning: false, syncAsOf: null, run: { trigger: 'ROLLOVER', dryRun: true, asOf: firstDay } });
    const planned = await runOf(preview.data.startRollover.run.id);
    const count = (r: any, entity: string) => r.counts.find((c: any) => c.entity === entity);
    expect(count(planned, 'sections').created).toBeGreaterThan(0);
    expect(count(planned, 'sections').ended).toBeGreaterThan(0);
    expect(count(planned, 'sections').deleted).toBe(0);
    expect((await api.app.ds.getRepository(District).findOneByOrFail({ id: districtId })).syncAsOf).toBeNull();

    const real = await api.gql(start, { i: { districtId: String(districtId), firstDay } }, admin);
    expect(real.errors).toBeUndefined();
    expect(real.data.startRollover).toMatchObject({ syncAsOf: firstDay, run: { trigger: 'ROLLOVER', dryRun: false, asOf: firstDay } });
    const applied = await runOf(real.data.startRollover.run.id);
    expect(applied.status).toBe('LAUNCHED');
    expect(count(applied, 'sections')).toMatchObject({ created: count(planned, 'sections').created, ended: count(planned, 'sections').ended, deleted: 0 });
    const district = await api.gql(`query ($d: ID!) { district(id: $d) { syncAsOf } }`, { d: String(districtId) }, admin);
    expect(district.data.district.syncAsOf).toBe(firstDay);

    // The settings mutation sets and clears it, refusing impossible dates with a readable message.
    const set = `mutation ($d: ID!, $i: DistrictSyncSettingsInput!) { updateDistrictSyncSettings(districtId: $d, input: $i) { syncAsOf } }`;
    const impossible = await api.gql(set, { d: String(districtId), i: { syncAsOf: '2027-13-01' } }, admin);
    expect(impossible.errors?.[0]?.message).toBeTruthy();
    expect((await api.gql(set, { d: String(districtId), i: { syncAsOf: null } }, admin)).data.updateDistrictSyncSettings.syncAsOf).toBeNull();
    expect((await api.gql(set, { d: String(districtId), i: { syncAsOf: '2001-01-01' } }, admin)).data.updateDistrictSyncSettings.syncAsOf).toBeNull(); // already arrived
  });
});
