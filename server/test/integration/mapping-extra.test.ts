import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminRole } from '../../src/auth/roles.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { effectiveMappings } from '../../src/sync/field-mapping.service.js';
import { FieldMapping } from '../../src/sync/field-mapping.entity.js';
import { checkMappings } from '../../src/sync/mapping-check.js';
import { OneRosterCsvSource } from '../../src/sync/sources/oneroster-csv.source.js';
import { SyncChange } from '../../src/sync/sync-change.entity.js';
import { SyncStatus } from '../../src/sync/sync-enums.js';
import { adminSession, startApiServer, type ApiServer } from '../support/api-harness.js';
import { createDistrict, sync } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';
import { SourceError } from '../../src/errors.js';

/** A OneRoster export whose users carry two extension columns an SIS adds (ell_status, homeroom). */
function exportWith(ell: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'homeroom-extra-'));
  const files: Record<string, string[]> = {
    'manifest.csv': [
      'propertyName,value',
      'file.orgs,bulk',
      'file.academicSessions,bulk',
      'file.courses,bulk',
      'file.classes,bulk',
      'file.users,bulk',
      'file.enrollments,bulk',
    ],
    'orgs.csv': ['sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId,metadata.region', 'O1,active,,Lakeview High,school,LHS,,North'],
    'academicSessions.csv': [
      'sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear',
      'AS1,active,,2026-27,schoolYear,2026-08-01,2027-06-30,,2027',
    ],
    'courses.csv': [
      'sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects',
      'CO1,active,,AS1,Algebra,ALG1,09,O1,Math',
    ],
    'classes.csv': [
      'sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,periods',
      'CL1,active,,Algebra - P2,09,CO1,ALG1-2,scheduled,Room 12,O1,AS1,Math,2',
    ],
    'users.csv': [
      'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,ell_status,homeroom',
      'U1,active,,true,O1,teacher,akim,,Ann,Kim,,T1,akim@lakeview.org,,,,,,,',
      `U2,active,,true,O1,student,bo,,Bo,Li,,S2,,,,,09,,${ell},H-101`,
    ],
    'enrollments.csv': [
      'sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate',
      'E1,active,,CL1,O1,U1,teacher,true,,',
      'E2,active,,CL1,O1,U2,student,false,,',
    ],
  };
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return dir;
}

describe.each(DIALECTS)('field mappings that cannot blank data, and additional fields, on %s', (dialect) => {
  let api: ApiServer;
  let admin: string;
  beforeAll(async () => {
    api = await startApiServer(dialect);
    admin = await adminSession(api, 'platform@mapping.test', AdminRole.PLATFORM_ADMIN);
  });
  afterAll(async () => api?.close());

  it('checkMappings (the planning hook) fails a mapping to a column the source lacks, and only overrides are checked', async () => {
    const source = new OneRosterCsvSource({ path: exportWith('Y') });
    const defaults = source.defaultMappings();
    await expect(checkMappings(source, { ...defaults, people: { ...defaults.people, stateId: 'No_such_column' } })).rejects.toThrow(
      new SourceError('mapping people.stateId → No_such_column: the source has no such column'),
    );
    await expect(checkMappings(source, { ...defaults, schools: { ...defaults.schools, 'extra.region': 'metadata.nowhere' } })).rejects.toThrow(
      'mapping schools.extra.region → metadata.nowhere: the source has no such column',
    );
    // Existing columns, extension columns and the defaults pass.
    await checkMappings(source, {
      ...defaults,
      people: { ...defaults.people, stateId: 'ell_status', 'extra.homeroom': 'homeroom' },
      schools: { ...defaults.schools, 'extra.region': 'metadata.region' },
    });
  });

  it('the API refuses to save a mapping to a missing column, with the same sentence; a good one is saved', async () => {
    const district = await createDistrict(api.app, `Lakeview ${dialect}`, SourceKind.ONEROSTER_CSV, { path: exportWith('Y') });
    const m = `mutation ($d: ID!, $input: DistrictSyncSettingsInput!) { updateDistrictSyncSettings(districtId: $d, input: $input) { fieldMappings { entityType targetField sourceField } } }`;
    const bad = await api.gql(
      m,
      { d: district.id, input: { fieldMappings: [{ entityType: 'people', targetField: 'stateId', sourceField: 'No_such_column' }] } },
      admin,
    );
    expect(bad.errors?.[0]).toMatchObject({
      message: 'mapping people.stateId → No_such_column: the source has no such column',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await api.app.ds.getRepository(FieldMapping).countBy({ districtId: district.id })).toBe(0);
    const badName = await api.gql(
      m,
      { d: district.id, input: { fieldMappings: [{ entityType: 'people', targetField: 'extra.has space', sourceField: 'homeroom' }] } },
      admin,
    );
    expect(badName.errors?.[0].message).toMatch(/^"extra\.has space" is not a mappable people field/);
    const ok = await api.gql(
      m,
      {
        d: district.id,
        input: {
          fieldMappings: [
            { entityType: 'people', targetField: 'extra.ell', sourceField: 'ell_status' },
            { entityType: 'people', targetField: 'extra.homeroom', sourceField: 'homeroom' },
            { entityType: 'schools', targetField: 'extra.region', sourceField: 'metadata.region' },
          ],
        },
      },
      admin,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateDistrictSyncSettings.fieldMappings).toHaveLength(3);
  });

  it('additional fields are stored, change-detected, shown over GraphQL, and never blank good values', async () => {
    const district = await createDistrict(api.app, `Extras ${dialect}`, SourceKind.ONEROSTER_CSV, { path: exportWith('Y') });
    const repo = api.app.ds.getRepository(FieldMapping);
    await repo.save([
      { districtId: district.id, entityType: 'people', targetField: 'extra.ell', sourceField: 'ell_status' },
      { districtId: district.id, entityType: 'people', targetField: 'extra.homeroom', sourceField: 'homeroom' },
      { districtId: district.id, entityType: 'schools', targetField: 'extra.region', sourceField: 'metadata.region' },
    ]);
    const first = await sync(api.app, district.id);
    expect(first.status).toBe(SyncStatus.LAUNCHED);
    const [bo] = await api.app.ds.query("SELECT extra FROM person WHERE districtId = ? AND sourceId = 'U2'", [district.id]);
    expect(bo.extra).toBe('{"ell":"Y","homeroom":"H-101"}');
    const [ann] = await api.app.ds.query("SELECT extra FROM person WHERE districtId = ? AND sourceId = 'U1'", [district.id]);
    expect(ann.extra).toBeNull();

    // Unchanged source: unchanged records. A changed extension value: one update with before/after.
    expect((await sync(api.app, district.id)).counts!.people).toMatchObject({ updated: 0, unchanged: 2 });
    await api.app.ds.query('UPDATE district SET sourceConfigEncrypted = ? WHERE id = ?', [
      (
        await api.app.ds.query('SELECT sourceConfigEncrypted FROM district WHERE id = ?', [
          (await createDistrict(api.app, `Extras N ${dialect}`, SourceKind.ONEROSTER_CSV, { path: exportWith('N') })).id,
        ])
      )[0].sourceConfigEncrypted,
      district.id,
    ]);
    const changed = await sync(api.app, district.id);
    expect(changed.counts!.people).toMatchObject({ updated: 1, unchanged: 1 });
    const [change] = await api.app.ds.getRepository(SyncChange).findBy({ runId: changed.id, action: 'UPDATE' as never });
    expect([change.before, change.after].map((v) => JSON.parse(JSON.stringify(v)))).toEqual([
      { extra: '{"ell":"Y","homeroom":"H-101"}' },
      { extra: '{"ell":"N","homeroom":"H-101"}' },
    ]);

    const q = `query ($d: ID!) { district(id: $d) {
      schools { edges { node { region: extra(key: "region") extras { key value } } } }
      people(role: STUDENT) { edges { node { sourceId ell: extra(key: "ell") missing: extra(key: "nope") extras { key value } } } } } }`;
    const res = await api.gql(q, { d: district.id }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.district.schools.edges[0].node).toEqual({ region: 'North', extras: [{ key: 'region', value: 'North' }] });
    expect(res.data.district.people.edges[0].node).toEqual({
      sourceId: 'U2',
      ell: 'N',
      missing: null,
      extras: [
        { key: 'ell', value: 'N' },
        { key: 'homeroom', value: 'H-101' },
      ],
    });

    // The planning hook refuses a mapping to a missing column before any record is compared.
    await repo.save({ districtId: district.id, entityType: 'people', targetField: 'stateId', sourceField: 'No_such_column' });
    const source = new OneRosterCsvSource({ path: exportWith('N') });
    await expect(checkMappings(source, await effectiveMappings(api.app.ds, district.id, source.defaultMappings()))).rejects.toThrow(
      'mapping people.stateId → No_such_column: the source has no such column',
    );
  });
});
