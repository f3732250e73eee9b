import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { AppContext } from '../../src/app-context.js';
import { PersonRole } from '../../src/roster/roster-enums.js';
import { SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncChange } from '../../src/sync/sync-change.entity.js';
import { SyncIssue } from '../../src/sync/sync-issue.entity.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { createStageTables } from '../../src/sync/engine/stage-tables.js';
import { FixtureSource, smallDistrict } from '../support/fixture-source.js';
import { createDistrict, sync, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';
import { liveSourceIds, rosterRow } from '../support/roster-probes.js';

describe.each(DIALECTS)('sync engine on %s', (dialect) => {
  let db: TestDatabase;
  let app: AppContext;
  let districtId: number;
  let source: FixtureSource;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = testApp(db);
  });
  afterAll(() => db.drop());
  beforeEach(async () => {
    districtId = (await createDistrict(app, `District ${++n}`)).id;
    source = new FixtureSource(smallDistrict());
  });

  const live = (table: string) => liveSourceIds(app.ds, districtId, table);
  const row = async (table: string, sourceId: string) => (await rosterRow(app.ds, districtId, table, sourceId))!;
  const enrollmentsOf = async (section: string) =>
    (
      await app.ds.query(
        'SELECT p.sourceId AS person, e.role, e.`primary` AS isPrimary FROM enrollment e JOIN section s ON s.id = e.sectionId JOIN person p ON p.id = e.personId WHERE s.sourceId = ? AND e.districtId = ? AND e.deletedAt IS NULL ORDER BY p.sourceId',
        [section, districtId],
      )
    ).map((r: { person: string; role: string; isPrimary: number }) => `${r.person}:${r.role}:${Number(r.isPrimary)}`);
  const issues = async (runId: number, code: string) => (await app.ds.getRepository(SyncIssue).findBy({ runId, code })).map((i) => i.sourceId);
  const snapshot = async () =>
    JSON.stringify(
      await Promise.all(['school', 'person', 'section', 'enrollment', 'person_school'].map((t) => app.ds.query(`SELECT * FROM ${t} ORDER BY 1, 2`))),
    );

  it('first sync creates the active roster; a second sync changes nothing', async () => {
    const first = await sync(app, districtId, { source });
    expect(first.status).toBe(SyncStatus.LAUNCHED);
    expect(first.counts!.schools).toMatchObject({ created: 2 });
    expect(first.counts!.people.created).toBe(13);
    expect(first.counts!.sections.created).toBe(2); // SECOLD's term is over
    expect(first.counts!.enrollments.created).toBe(13);
    expect(await issues(first.id, 'NOT_ACTIVE')).toEqual(expect.arrayContaining(['OLD', 'SECOLD']));
    expect(await enrollmentsOf('SEC1')).toEqual([
      'P1:STUDENT:0',
      'P2:STUDENT:0',
      'P3:STUDENT:0',
      'P4:STUDENT:0',
      'P5:STUDENT:0',
      'T1:TEACHER:1',
      'T2:TEACHER:0',
    ]);
    const t1 = await row('person', 'T1');
    expect(t1.createdByRunId).toBe(first.id);

    const second = await sync(app, districtId, { source });
    for (const c of Object.values(second.counts!)) expect([c.created, c.updated, c.deleted, c.restored]).toEqual([0, 0, 0, 0]);
    expect(second.counts!.enrollments.unchanged).toBe(13);
    expect((await row('person', 'T1')).lastSeenRunId).toBe(second.id);
  });

  it('Edit keeps schools, people and sections missing from the source, but enrollments follow it', async () => {
    await sync(app, districtId, { source });
    source.data.schools = source.data.schools.filter((s) => s.sourceId !== 'S2');
    source.data.people = source.data.people.filter((p) => p.sourceId !== 'P1');
    source.data.sections = source.data.sections.filter((s) => s.sourceId !== 'SEC2');
    source.data.enrollments = source.data.enrollments.filter((e) => e.personSourceId !== 'P2' && e.personSourceId !== 'P1');
    const held = await sync(app, districtId, { source });
    // 2 of 13 enrollments is over the 10% guard, which holds Edit runs too.
    expect(held.status).toBe(SyncStatus.FAILED);
    expect(held.error).toMatch(/^Held: this export would remove 2 of 13 enrollments \(15\.4%\)/);
    const run = await sync(app, districtId, { source, overrideThreshold: true });
    expect(run.status).toBe(SyncStatus.LAUNCHED);
    expect(await live('school')).toEqual(['S1', 'S2']);
    expect(await live('person')).toContain('P1');
    expect(await live('section')).toEqual(['SEC1', 'SEC2']);
    expect(await enrollmentsOf('SEC1')).not.toContain('P2:STUDENT:0');
    expect(run.counts!.enrollments.deleted).toBe(2); // P1 and P2 left SEC1
    expect(await enrollmentsOf('SEC2')).toHaveLength(6); // SEC2 was not synced: untouched
  });

  it('Edit never changes an existing role; Reset follows the source', async () => {
    await sync(app, districtId, { source });
    source.data.people.find((p) => p.sourceId === 'P3')!.role = PersonRole.TEACHER;
    const edit = await sync(app, districtId, { source });
    expect((await row('person', 'P3')).role).toBe('STUDENT');
    expect(await issues(edit.id, 'ROLE_CHANGE_SKIPPED')).toEqual(['P3']);
    const reset = await sync(app, districtId, { source, mode: SyncMode.RESET, overrideThreshold: true });
    expect(reset.status).toBe(SyncStatus.LAUNCHED);
    expect((await row('person', 'P3')).role).toBe('TEACHER');
  });

  it('updates are logged with before and after; unchanged fields are not', async () => {
    await sync(app, districtId, { source });
    source.data.people.find((p) => p.sourceId === 'T1')!.fields.familyName = 'Byron';
    const run = await sync(app, districtId, { source });
    expect(run.counts!.people).toMatchObject({ updated: 1, unchanged: 12 });
    const changes = await app.ds.getRepository(SyncChange).findBy({ runId: run.id });
    expect(changes.map((c) => [c.entityType, c.sourceId, c.action, c.before, c.after])).toEqual([
      ['people', 'T1', 'UPDATE', { familyName: 'Lovelace' }, { familyName: 'Byron' }],
    ]);
    expect((await row('person', 'T1')).updatedByRunId).toBe(run.id);
  });

  it('updates only what changed on an enrollment: a co-teacher becoming primary keeps its dates', async () => {
    const e = (person: string) => source.data.enrollments.find((x) => x.sectionSourceId === 'SEC1' && x.personSourceId === person)!;
    e('T2').beginDate = '2026-08-15';
    await sync(app, districtId, { source });
    e('T1').primary = false;
    e('T2').primary = true;
    const run = await sync(app, districtId, { source });
    expect(run.counts!.enrollments).toMatchObject({ updated: 2, created: 0, deleted: 0 });
    expect(await enrollmentsOf('SEC1')).toEqual(expect.arrayContaining(['T1:TEACHER:0', 'T2:TEACHER:1']));
    const [t2] = await app.ds.query("SELECT e.beginDate FROM enrollment e JOIN person p ON p.id = e.personId WHERE p.sourceId = 'T2' AND e.districtId = ?", [
      districtId,
    ]);
    expect(String(t2.beginDate).slice(0, 10)).toBe('2026-08-15');
  });

  it('Reset removes what the source no longer shares (soft delete) and restores it when it returns', async () => {
    const first = await sync(app, districtId, { source });
    const removedId = (await row('person', 'P10')).id;
    source.data.people = source.data.people.filter((p) => p.sourceId !== 'P10');
    const reset = await sync(app, districtId, { source, mode: SyncMode.RESET });
    expect(reset.status).toBe(SyncStatus.LAUNCHED);
    expect(reset.counts!.people.deleted).toBe(1);
    expect(reset.counts!.enrollments.deleted).toBe(1);
    const gone = await row('person', 'P10');
    expect(gone.deletedByRunId).toBe(reset.id);
    expect(gone.deletedAt).not.toBeNull();

    source.data = smallDistrict();
    const back = await sync(app, districtId, { source });
    expect(back.counts!.people).toMatchObject({ restored: 1, created: 0 });
    expect((await row('person', 'P10')).id).toBe(removedId);
    expect((await row('person', 'P10')).deletedAt).toBeNull();
    expect(first.id).toBeLessThan(back.id);
  });

  it('Reset removes a school the source no longer shares with its sections, people and enrollments', async () => {
    await sync(app, districtId, { source });
    source.data.schools = source.data.schools.filter((x) => x.sourceId !== 'S2');
    const reset = await sync(app, districtId, { source, mode: SyncMode.RESET, overrideThreshold: true });
    expect(reset.status).toBe(SyncStatus.LAUNCHED);
    expect(await live('school')).toEqual(['S1']);
    expect(await live('section')).toEqual(['SEC1']);
    expect(await live('person')).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'T1', 'T2']);
    expect(await enrollmentsOf('SEC2')).toEqual([]);
    expect(reset.counts!.schools.deleted).toBe(1);
    expect(reset.counts!.sections.deleted).toBe(1);
    expect(reset.counts!.people.deleted).toBe(6);
    expect(reset.counts!.enrollments.deleted).toBe(6);
  });

  it("applies the district's field mappings over the source defaults", async () => {
    const { FieldMapping } = await import('../../src/sync/field-mapping.entity.js');
    await app.ds.getRepository(FieldMapping).save({ districtId, entityType: 'people', targetField: 'email', sourceField: 'workEmail' });
    source.data.people.find((p) => p.sourceId === 'T1')!.fields.workEmail = 'ada.lovelace@district.k12.us';
    const run = await sync(app, districtId, { source });
    expect(run.status).toBe(SyncStatus.LAUNCHED);
    expect((await row('person', 'T1')).email).toBe('ada.lovelace@district.k12.us');
    expect((await row('person', 'T2')).email).toBeNull();
  });

  it('Reset keeps a record the source still has but sent invalid (an issue, not a deletion)', async () => {
    await sync(app, districtId, { source });
    // A section needs a name; a person no longer does (synced with a MISSING_NAME issue, see below).
    const sec1 = source.data.sections.find((x) => x.sourceId === 'SEC1')!;
    const name = sec1.fields.name;
    sec1.fields.name = '   ';
    const reset = await sync(app, districtId, { source, mode: SyncMode.RESET });
    expect(reset.status).toBe(SyncStatus.LAUNCHED);
    expect(await issues(reset.id, 'MISSING_REQUIRED_FIELD')).toEqual(['SEC1']);
    expect((await row('section', 'SEC1')).deletedAt).toBeNull();
    expect((await row('section', 'SEC1')).name).toBe(name);
    expect(await enrollmentsOf('SEC1')).toContain('P4:STUDENT:0');
    expect(reset.counts!.sections.deleted).toBe(0);
    expect(reset.counts!.enrollments.deleted).toBe(0);
  });

  it('Reset refuses to delete more than the threshold unless overridden, and changes nothing', async () => {
    await sync(app, districtId, { source });
    const before = await snapshot();
    source.data.people = source.data.people.filter((p) => !['P6', 'P7', 'P8'].includes(p.sourceId)); // 3 of 13 = 23%
    const refused = await sync(app, districtId, { source, mode: SyncMode.RESET });
    expect(refused.status).toBe(SyncStatus.FAILED);
    expect(refused.error).toMatch(/Reset refused: it would delete 3 of 13 people \(23\.1%\).*10% safety threshold/);
    expect(await snapshot()).toEqual(before);
    const forced = await sync(app, districtId, { source, mode: SyncMode.RESET, overrideThreshold: true });
    expect(forced.status).toBe(SyncStatus.LAUNCHED);
    expect(forced.counts!.people.deleted).toBe(3);
  });

  it('a dry run reports the exact plan and writes no roster table', async () => {
    await sync(app, districtId, { source });
    const before = await snapshot();
    source.data.people = source.data.people.filter((p) => p.sourceId !== 'P9');
    source.data.people.find((p) => p.sourceId === 'T3')!.fields.givenName = 'Amazing Grace';
    source.data.schools.push({ sourceId: 'S3', fields: { name: 'West High' } });
    const run = await sync(app, districtId, { source, mode: SyncMode.RESET, dryRun: true });
    expect(run.status).toBe(SyncStatus.LAUNCHED);
    expect(run.dryRun).toBe(true);
    expect(await snapshot()).toEqual(before);
    const plan = await app.ds.getRepository(SyncChange).find({ where: { runId: run.id }, order: { id: 'ASC' } });
    expect(plan.map((c) => `${c.entityType}:${c.action}:${c.sourceId}`).sort()).toEqual(
      [
        'enrollments:DELETE:SEC2/P9/STUDENT'.replace('SEC2/P9/STUDENT', plan.find((c) => c.entityType === 'enrollments')?.sourceId ?? ''),
        'people:DELETE:P9',
        'people:UPDATE:T3',
        'schools:CREATE:S3',
      ].sort(),
    );
    expect(plan.find((c) => c.action === 'UPDATE')!.after).toEqual({ givenName: 'Amazing Grace' });
  });

  it('a Reset confirmed from a preview deletes exactly what the preview listed, or refuses saying how the plan changed', async () => {
    await sync(app, districtId, { source });
    source.data.people = source.data.people.filter((p) => p.sourceId !== 'P9');
    const preview = await sync(app, districtId, { source, mode: SyncMode.RESET, dryRun: true, overrideThreshold: true });
    // The export changes again before the Reset is confirmed.
    source.data.people = source.data.people.filter((p) => p.sourceId !== 'P8');
    const before = await snapshot();
    const refused = await sync(app, districtId, { source, mode: SyncMode.RESET, overrideThreshold: true, previewRunId: preview.id });
    expect(refused.status).toBe(SyncStatus.FAILED);
    expect(refused.failureCode).toBe('PREVIEW_MISMATCH');
    expect(refused.error).toBe(
      `The source changed since preview run ${preview.id}: this Reset would now delete 1 people the preview did not list (P8); ` +
        `1 enrollments the preview did not list (SEC2/P8/STUDENT). Nothing was changed; preview the Reset again and confirm the new list.`,
    );
    expect(await snapshot()).toEqual(before);
    const again = await sync(app, districtId, { source, mode: SyncMode.RESET, dryRun: true, overrideThreshold: true });
    const applied = await sync(app, districtId, { source, mode: SyncMode.RESET, overrideThreshold: true, previewRunId: again.id });
    expect(applied.status).toBe(SyncStatus.LAUNCHED);
    expect(applied.counts!.people.deleted).toBe(2);
  });

  it('deselecting a school stops syncing it and deletes nothing; its records get SCHOOL_NOT_SELECTED', async () => {
    await sync(app, districtId, { source });
    await new DistrictService(app.ds, app.config.secretKey).update(districtId, { schoolSelection: ['S1'] });
    source.data.people.find((p) => p.sourceId === 'P6')!.fields.familyName = 'Changed';
    const run = await sync(app, districtId, { source });
    expect(run.status).toBe(SyncStatus.LAUNCHED);
    expect(await live('school')).toEqual(['S1', 'S2']);
    expect(await live('section')).toEqual(['SEC1', 'SEC2']);
    expect((await row('person', 'P6')).familyName).toBe('Student');
    expect(await issues(run.id, 'SCHOOL_NOT_SELECTED')).toEqual(expect.arrayContaining(['S2', 'SEC2', 'P6', 'T3']));
    // The school picker lists a school left out by its name, carried on the issue (never parsed from the message).
    const [left] = await app.ds.getRepository(SyncIssue).findBy({ runId: run.id, code: 'SCHOOL_NOT_SELECTED', entityType: 'schools' });
    expect(left.recordName).toBe(source.data.schools.find((s) => s.sourceId === 'S2')!.fields.name);
    expect(Object.values(run.counts!).reduce((a, c) => a + c.deleted, 0)).toBe(0);
  });

  it('filters by the as-of date: an early rollover syncs next year only', async () => {
    source.data.terms.push({ sourceId: 'NEXT', fields: { name: 'Next Year', startDate: '2027-08-01', endDate: '2028-06-30' } });
    source.data.sections.push({ sourceId: 'SECNEXT', schoolSourceId: 'S1', courseSourceId: 'C1', termSourceIds: ['NEXT'], fields: { name: 'Math Next' } });
    const now = await sync(app, districtId, { source, mode: SyncMode.RESET, dryRun: true });
    expect(await issues(now.id, 'NOT_ACTIVE')).toContain('SECNEXT');
    const rollover = await sync(app, districtId, { source, asOf: '2027-08-15', trigger: SyncTrigger.ROLLOVER });
    expect(rollover.status).toBe(SyncStatus.LAUNCHED);
    expect(await live('section')).toEqual(['SECNEXT']);
  });

  it('ends what the source still sends but is over, in Edit and in Reset: a summer Reset deletes nothing; back when active again', async () => {
    const first = await sync(app, districtId, { source });
    expect(await live('section')).toEqual(['SEC1', 'SEC2']);
    const sectionIds = await app.ds.query('SELECT id FROM section WHERE districtId = ? ORDER BY sourceId', [districtId]);
    // Summer: this year's term is over, the source is unchanged.
    const summer = await sync(app, districtId, { source, mode: SyncMode.RESET, asOf: '2027-07-15' });
    expect(summer.status).toBe(SyncStatus.LAUNCHED);
    for (const c of Object.values(summer.counts!)) expect(c.deleted).toBe(0);
    expect(summer.counts!.terms.ended).toBe(1);
    expect(summer.counts!.sections.ended).toBe(2);
    expect(summer.counts!.enrollments.ended).toBe(13);
    const ended = await app.ds.query('SELECT sourceId, endedByRunId, deletedAt FROM section WHERE districtId = ? AND endedAt IS NOT NULL ORDER BY sourceId', [
      districtId,
    ]);
    expect(ended).toEqual([
      { sourceId: 'SEC1', endedByRunId: summer.id, deletedAt: null },
      { sourceId: 'SEC2', endedByRunId: summer.id, deletedAt: null },
    ]);
    const record = await app.ds.query("SELECT entityType, action FROM sync_change WHERE runId = ? AND entityType = 'sections' ORDER BY id", [summer.id]);
    expect(record).toEqual([
      { entityType: 'sections', action: 'END' },
      { entityType: 'sections', action: 'END' },
    ]);
    // An Edit the same summer changes nothing more.
    const again = await sync(app, districtId, { source, asOf: '2027-07-16' });
    expect([again.counts!.sections.ended, again.counts!.enrollments.deleted]).toEqual([0, 0]);
    // The term is active again: the same records come back live, with their ids.
    const back = await sync(app, districtId, { source });
    expect(back.counts!.sections.restored).toBe(2);
    expect(back.counts!.enrollments.restored).toBe(13);
    expect(await app.ds.query('SELECT id FROM section WHERE districtId = ? AND endedAt IS NULL ORDER BY sourceId', [districtId])).toEqual(sectionIds);
    expect(first.id).toBeLessThan(back.id);
  });

  it('records problems as issues with their codes instead of failing', async () => {
    source.data.people.push({ sourceId: 'T9', role: PersonRole.TEACHER, schoolSourceIds: [], fields: { givenName: 'No', familyName: 'School' } });
    source.data.people.push({ sourceId: 'P99', role: PersonRole.STUDENT, schoolSourceIds: ['S1'], fields: { givenName: '', familyName: 'Nameless' } });
    source.data.people.push({ ...source.data.people[0] });
    source.data.enrollments.push({ sourceId: 'E1', sectionSourceId: 'NOPE', personSourceId: 'P1', role: PersonRole.STUDENT, primary: false });
    source.data.enrollments.push({ sourceId: 'E2', sectionSourceId: 'SEC1', personSourceId: 'GHOST', role: PersonRole.STUDENT, primary: false });
    source.data.sections.push({ sourceId: 'SECX', schoolSourceId: 'S404', courseSourceId: null, termSourceIds: [], fields: { name: 'Lost' } });
    const run = await sync(app, districtId, { source });
    expect(run.status).toBe(SyncStatus.LAUNCHED);
    expect(await issues(run.id, 'TEACHER_NO_SCHOOL')).toEqual(['T9']);
    // A person without a first name is synced (real sources send them), with an issue.
    expect(await issues(run.id, 'MISSING_NAME')).toEqual(['P99']);
    expect(await row('person', 'P99')).toMatchObject({ givenName: '', familyName: 'Nameless', deletedAt: null });
    expect(await issues(run.id, 'DUPLICATE_SOURCE_ID')).toEqual(['T1']);
    expect(await issues(run.id, 'UNKNOWN_SECTION')).toEqual(['E1']);
    expect(await issues(run.id, 'UNKNOWN_PERSON')).toEqual(['E2']);
    expect(await issues(run.id, 'UNKNOWN_SCHOOL')).toEqual(['SECX']);
    expect(run.issueCounts).toMatchObject({ TEACHER_NO_SCHOOL: 1, UNKNOWN_PERSON: 1 });
    const msg = (await app.ds.getRepository(SyncIssue).findOneByOrFail({ runId: run.id, code: 'TEACHER_NO_SCHOOL' })).message;
    expect(msg).toBe('Teacher No School (T9) is assigned to the district but to no school; teachers must belong to a synced school.');
  });

  it('a fetch that fails part-way fails the run and a Reset deletes nothing', async () => {
    await sync(app, districtId, { source });
    const before = await snapshot();
    source.data.people = source.data.people.slice(0, 3);
    source.failOn = 'sections';
    const run = await sync(app, districtId, { source, mode: SyncMode.RESET, overrideThreshold: true });
    expect(run.status).toBe(SyncStatus.FAILED);
    expect(run.error).toMatch(/connection reset while reading sections/);
    expect(await snapshot()).toEqual(before);
  });

  it('a run stopped in the middle of applying leaves the roster exactly as before', async () => {
    await sync(app, districtId, { source });
    const before = await snapshot();
    source.data.people = source.data.people.map((p) => ({ ...p, fields: { ...p.fields, familyName: `${p.fields.familyName}-2` } }));
    source.data.sections.push({ sourceId: 'SEC3', schoolSourceId: 'S2', courseSourceId: null, termSourceIds: ['Y'], fields: { name: 'New' } });
    const abort = new AbortController();
    const sub = app.pubsub.subscribe('SYNC_RUN_UPDATED');
    void (async () => {
      for await (const u of sub) if (u.phase === 'APPLYING' && (u.processed.people ?? 0) > 0) abort.abort();
    })();
    const run = await sync(app, districtId, { source, signal: abort.signal });
    expect(run.status).toBe(SyncStatus.CANCELLED);
    expect(await snapshot()).toEqual(before);
    const next = await sync(app, districtId, { source });
    expect(next.status).toBe(SyncStatus.LAUNCHED);
    expect(next.counts!.people.updated).toBe(13);
  });

  it('reverts the latest run: created removed, deleted restored, updates undone', async () => {
    await sync(app, districtId, { source });
    const before = await app.ds.query('SELECT sourceId, familyName, deletedAt FROM person WHERE districtId = ? ORDER BY sourceId', [districtId]);
    source.data.people = source.data.people.filter((p) => p.sourceId !== 'P1');
    source.data.people.find((p) => p.sourceId === 'T2')!.fields.familyName = 'Renamed';
    source.data.people.push({ sourceId: 'P50', role: PersonRole.STUDENT, schoolSourceIds: ['S1'], fields: { givenName: 'New', familyName: 'Kid' } });
    const reset = await sync(app, districtId, { source, mode: SyncMode.RESET, overrideThreshold: true });
    expect(reset.counts!.people).toMatchObject({ created: 1, updated: 1, deleted: 1 });
    const revert = await sync(app, districtId, { trigger: SyncTrigger.REVERT, revertOfRunId: reset.id, source });
    expect(revert.status).toBe(SyncStatus.LAUNCHED);
    expect(revert.counts!.people).toMatchObject({ deleted: 1, updated: 1, restored: 1 });
    const after = await app.ds.query('SELECT sourceId, familyName, deletedAt FROM person WHERE districtId = ? AND deletedAt IS NULL ORDER BY sourceId', [
      districtId,
    ]);
    expect(after).toEqual(before);
  });

  it('stops a run when a cancel is requested (from any process, through the database) and changes nothing', async () => {
    await sync(app, districtId, { source });
    const before = await snapshot();
    source.data.people = source.data.people.map((p) => ({ ...p, fields: { ...p.fields, givenName: 'X' } }));
    source.delayMs = 100;
    const { SyncRunService } = await import('../../src/sync/sync-run.service.js');
    const pending = sync(app, districtId, { source });
    await new Promise((r) => setTimeout(r, 400));
    const active = await new SyncRunService(app.ds).activeRun(districtId);
    expect(active?.status).toBe(SyncStatus.IN_PROGRESS);
    const asked = Date.now();
    await new SyncRunService(app.ds).requestCancel(active!.id);
    const run = await pending;
    expect(run.status).toBe(SyncStatus.CANCELLED);
    expect(run.error).toBe('Cancelled by request');
    expect(Date.now() - asked).toBeLessThan(2500);
    expect(await snapshot()).toEqual(before);
  });

  it('publishes phases in order and percent that only grows, ending Launched at 100%', async () => {
    const events: Array<{ status: string; phase: string | null; percent: number }> = [];
    const sub = app.pubsub.subscribe('SYNC_RUN_UPDATED');
    const done = (async () => {
      for await (const u of sub) {
        events.push(u);
        if (u.status !== 'IN_PROGRESS') break;
      }
    })();
    const run = await sync(app, districtId, { source });
    await done;
    const phases = events.map((e) => e.phase).filter((p, i, a) => p && p !== a[i - 1]);
    expect(phases).toEqual(['FETCHING', 'PLANNING', 'APPLYING', 'FINALIZING']);
    const percents = events.map((e) => e.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ status: 'LAUNCHED', percent: 100, phase: null });
    const stored = await app.ds.getRepository((await import('../../src/sync/sync-run.entity.js')).SyncRun).findOneByOrFail({ id: run.id });
    expect([stored.status, stored.phase, stored.progress?.percent]).toEqual(['LAUNCHED', null, 100]);
    expect(events.every((e) => (e as unknown as { runId: number }).runId === run.id)).toBe(true);
  });

  it("removes a run's staging tables when it ends, and drops those a dead process left behind", async () => {
    const stageTables = async () =>
      (dialect === 'sqlite'
        ? // SQLite: TEMP tables of the run's connection, never in the database file.
          await app.ds.query(
            "SELECT name FROM sqlite_temp_master WHERE type = 'table' AND name LIKE 'sync_stage_%' UNION ALL SELECT name FROM sqlite_master WHERE name LIKE 'sync_stage_%'",
          )
        : await app.ds.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'sync\\_stage\\_%'")
      ).map((r: { name: string }) => r.name);
    const launched = await sync(app, districtId, { source });
    source.failOn = 'people';
    const failed = await sync(app, districtId, { source });
    expect([launched.status, failed.status]).toEqual([SyncStatus.LAUNCHED, SyncStatus.FAILED]);
    expect(await stageTables()).toEqual([]);
    // A process killed mid-run leaves its tables; the next process to start a run drops them.
    await createStageTables(app.ds, failed.id);
    expect((await stageTables()).length).toBe(9); // keys, plan, six create tables and the people's schools
    source.failOn = null;
    expect((await sync(app, districtId, { source })).status).toBe(SyncStatus.LAUNCHED);
    expect(await stageTables()).toEqual([]);
  });

  it('allows one active run per district', async () => {
    const { SyncRunService } = await import('../../src/sync/sync-run.service.js');
    const runs = new SyncRunService(app.ds);
    const [a, b] = await Promise.all([
      runs.createRun({ districtId, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL }),
      runs.createRun({ districtId, mode: SyncMode.RESET, trigger: SyncTrigger.MANUAL }),
    ]);
    expect(a.run.id).toBe(b.run.id);
    expect([a.existing, b.existing].sort()).toEqual([false, true]);
    await runs.requestCancel(a.run.id);
    const c = await runs.createRun({ districtId, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL });
    expect(c.existing).toBe(false);
    await runs.requestCancel(c.run.id);
  });
});
