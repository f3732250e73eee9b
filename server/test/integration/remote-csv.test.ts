import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AppContext } from '../../src/app-context.js';
import { runCli } from '../../src/cli/main.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { OneRosterCsvSource } from '../../src/sync/sources/oneroster-csv.source.js';
import { ONEROSTER_MAPPINGS } from '../../src/sync/sources/oneroster-mappings.js';
import { RemoteCsvSource, type RemoteLocation } from '../../src/sync/sources/remote/remote-csv.source.js';
import { SyncMode, SyncStatus } from '../../src/sync/sync-enums.js';
import { testDistrictConnection } from '../../src/sync/test-connection.service.js';
import { startExportServer } from '../support/export-server.js';
import { startSshd, type TestSshd } from '../support/sshd.js';
import { createDistrict, sync, TEST_SECRET, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';
import { zipBuffer } from '../support/zip-writer.js';

/** A small OneRoster 1.1 bulk export: one school, a teacher, two students, one class. */
const EXPORT: Record<string, string[]> = {
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
  ],
  'orgs.csv': [
    'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId',
    'D1,active,,Riverside Unified,district,,',
    'O1,active,,Riverside High,school,RHS,D1',
  ],
  'academicSessions.csv': [
    'sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear',
    'AS1,active,,2026-27,schoolYear,2026-08-01,2027-06-30,,2027',
  ],
  'courses.csv': [
    'sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects',
    'CO1,active,,AS1,Biology,BIO1,10,O1,Science',
  ],
  'classes.csv': [
    'sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,periods',
    'CL1,active,,Biology - P1,10,CO1,BIO1-1,scheduled,Room 5,O1,AS1,Science,1',
  ],
  'users.csv': [
    'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password',
    'U1,active,,true,O1,teacher,mcurie,,Marie,Curie,,T100,mcurie@riverside.org,,,,,',
    'U2,active,,true,O1,student,jdoe,,Jane,Doe,,S200,,,,,10,',
    'U3,active,,true,O1,student,rroe,,Rick,Roe,,S201,,,,,10,',
  ],
  'enrollments.csv': [
    'sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate',
    'E1,active,,CL1,O1,U1,teacher,true,,',
    'E2,active,,CL1,O1,U2,student,false,,',
    'E3,active,,CL1,O1,U3,student,false,,',
  ],
};
const ZIP = zipBuffer(Object.entries(EXPORT).map(([name, lines]) => ({ name, data: `${lines.join('\r\n')}\r\n` })));
const EXPECTED = { schools: 1, terms: 1, courses: 1, people: 3, sections: 1, enrollments: 3 };
const FAST = { stableWaitMs: 50, stableChecks: 3, retries: 1, backoffMs: 1, timeoutMs: 2000 };

const created = (counts: Record<string, { created: number }> | null) => Object.fromEntries(Object.entries(counts ?? {}).map(([k, v]) => [k, v.created]));
const remote = (location: RemoteLocation, o = FAST) =>
  new RemoteCsvSource(location, { kind: SourceKind.ONEROSTER_CSV, mappings: ONEROSTER_MAPPINGS, create: (path) => new OneRosterCsvSource({ path }) }, o);

describe.each(DIALECTS)('CSV exports over SFTP and HTTP on %s', (dialect) => {
  let db: TestDatabase;
  let app: AppContext;
  let sshd: TestSshd;
  let http: Awaited<ReturnType<typeof startExportServer>>;
  let n = 0;
  const sftpUrl = (path: string) => `sftp://${sshd.user}@127.0.0.1:${sshd.port}${join(sshd.root, path)}`;
  const district = async (source: Record<string, unknown>) => (await createDistrict(app, `Remote ${++n}`, SourceKind.ONEROSTER_CSV, source)).id;
  const liveCount = async (districtId: number) =>
    Number((await app.ds.query('SELECT COUNT(*) AS n FROM person WHERE districtId = ? AND deletedAt IS NULL', [districtId]))[0].n);
  const noSecret = (text: string | null) => {
    for (const s of [sshd.password, sshd.privateKey.split('\n')[1], 'bearer-token-xyz', 'http-password-1']) expect(text ?? '').not.toContain(s);
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = testApp(db);
    sshd = await startSshd();
    writeFileSync(join(sshd.root, 'export.zip'), ZIP);
    mkdirSync(join(sshd.root, 'folder'), { mode: 0o755 });
    for (const [name, lines] of Object.entries(EXPORT)) writeFileSync(join(sshd.root, 'folder', name), `${lines.join('\n')}\n`);
    http = await startExportServer();
  });
  afterAll(async () => {
    await sshd?.stop();
    await http?.close();
    await db.drop();
  });

  it('syncs a zip over SFTP with a password once the host key is pinned; district test shows the key', async () => {
    const districtId = await district({ path: sftpUrl('export.zip'), password: sshd.password });
    // Not pinned yet: nothing is downloaded and the password is never sent; the fingerprint is shown.
    const unpinned = await testDistrictConnection(app, districtId);
    expect(unpinned.ok).toBe(false);
    expect(unpinned.error).toBe(
      `The SFTP server 127.0.0.1:${sshd.port} is not trusted yet: its host key is ${sshd.fingerprint}; pin it with --host-key ${sshd.fingerprint} after checking it with the server's administrator`,
    );
    const failed = await sync(app, districtId);
    expect(failed.status).toBe(SyncStatus.FAILED);
    await new DistrictService(app.ds, app.config.secretKey).update(districtId, { source: { hostKey: sshd.fingerprint } });
    const tested = await testDistrictConnection(app, districtId);
    expect(tested).toMatchObject({ ok: true, hostKey: sshd.fingerprint, counts: { schools: 1, people: 3, sections: 1 } });
    const run = await sync(app, districtId);
    expect(run.error).toBeNull();
    expect(created(run.counts)).toEqual(EXPECTED);
  });

  it('reads a folder over SFTP with a private key', async () => {
    const districtId = await district({ path: sftpUrl('folder/'), privateKey: sshd.privateKey, hostKey: sshd.fingerprint });
    const run = await sync(app, districtId);
    expect(run.error).toBeNull();
    expect(created(run.counts)).toEqual(EXPECTED);
  });

  it('a host key mismatch, a wrong password or key, a missing file and a refused port each fail with one sentence; a Reset deletes nothing', async () => {
    const districtId = await district({ path: sftpUrl('export.zip'), password: sshd.password, hostKey: sshd.fingerprint });
    expect((await sync(app, districtId)).status).toBe(SyncStatus.LAUNCHED);
    const otherKey = `SHA256:${'A'.repeat(43)}`;
    const cases: Array<[RemoteLocation, RegExp | string]> = [
      [
        { url: sftpUrl('export.zip'), password: sshd.password, hostKey: otherKey },
        `The SFTP server 127.0.0.1:${sshd.port} showed host key ${sshd.fingerprint}, not the pinned ${otherKey}: nothing was downloaded (if the server's key really changed, pin the new one with --host-key)`,
      ],
      [
        { url: sftpUrl('export.zip'), password: 'wrong-password', hostKey: sshd.fingerprint },
        `Could not connect to the SFTP server 127.0.0.1:${sshd.port}: the server refused the password for this user`,
      ],
      [
        { url: sftpUrl('export.zip'), privateKey: sshd.otherPrivateKey, hostKey: sshd.fingerprint },
        `Could not connect to the SFTP server 127.0.0.1:${sshd.port}: the server refused the private key for this user`,
      ],
      [
        { url: sftpUrl('missing.zip'), password: sshd.password, hostKey: sshd.fingerprint },
        `sftp://${sshd.user}@127.0.0.1:${sshd.port}${join(sshd.root, 'missing.zip')} was not found on the SFTP server`,
      ],
      [
        { url: `sftp://${sshd.user}@127.0.0.1:${http.url.split(':')[2]}/x.zip`, password: sshd.password, hostKey: sshd.fingerprint },
        /^Could not connect to the SFTP server 127\.0\.0\.1:\d+: the server closed the connection before the SSH handshake \(is an SFTP server listening on that port\?\)$/,
      ],
    ];
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    cases.push([
      { url: `sftp://${sshd.user}@127.0.0.1:${closedPort}/x.zip`, password: sshd.password, hostKey: sshd.fingerprint },
      `Could not connect to the SFTP server 127.0.0.1:${closedPort}: the connection was refused (ECONNREFUSED)`,
    ]);
    for (const [location, message] of cases) {
      const run = await sync(app, districtId, { mode: SyncMode.RESET, overrideThreshold: true, source: remote(location) });
      expect(run.status).toBe(SyncStatus.FAILED);
      if (typeof message === 'string') expect(run.error).toBe(message);
      else expect(run.error).toMatch(message);
      expect(run.error!.split('\n')).toHaveLength(1);
      noSecret(run.error);
      expect(await liveCount(districtId)).toBe(3);
    }
  });

  it('waits for a file still being written, and fails clearly when it keeps growing', async () => {
    const path = join(sshd.root, 'growing.zip');
    writeFileSync(path, ZIP.subarray(0, 100));
    const grow = setInterval(() => appendFileSync(path, Buffer.alloc(64)), 20);
    try {
      const source = remote({ url: sftpUrl('growing.zip'), password: sshd.password, hostKey: sshd.fingerprint });
      const run = await sync(app, await district({ path: sftpUrl('growing.zip'), password: sshd.password, hostKey: sshd.fingerprint }), { source });
      expect(run.status).toBe(SyncStatus.FAILED);
      expect(run.error).toMatch(
        /^The export sftp:\/\/.*growing\.zip is still being written \(its size kept changing for 0 s\); the run was stopped before reading it$/,
      );
    } finally {
      clearInterval(grow);
    }
    // Finished before the second look: read normally.
    writeFileSync(path, ZIP.subarray(0, 100));
    setTimeout(() => writeFileSync(path, ZIP), 20);
    const run = await sync(app, await district({ path: sftpUrl('growing.zip'), password: sshd.password, hostKey: sshd.fingerprint }), {
      source: remote({ url: sftpUrl('growing.zip'), password: sshd.password, hostKey: sshd.fingerprint }, { ...FAST, stableWaitMs: 300 }),
    });
    expect(run.error).toBeNull();
  });

  it('downloads over HTTP with basic or bearer auth, once per run however often the files are read', async () => {
    http.files.set('/basic/export.zip', { body: ZIP, auth: 'basic:district:http-password-1' });
    http.files.set('/bearer/export.zip', { body: ZIP, auth: 'bearer:bearer-token-xyz' });
    const basic = await district({ path: `${http.url.replace('//', '//district@')}/basic/export.zip`, password: 'http-password-1' });
    const before = http.requests.length;
    const run = await sync(app, basic);
    expect(run.error).toBeNull();
    expect(created(run.counts)).toEqual(EXPECTED);
    expect(http.requests.length - before).toBe(1);
    const bearer = await district({ path: `${http.url}/bearer/export.zip`, token: 'bearer-token-xyz' });
    expect((await sync(app, bearer)).error).toBeNull();
    const wrong = await district({ path: `${http.url}/bearer/export.zip`, token: 'nope' });
    const refused = await sync(app, wrong);
    expect(refused.error).toBe(`The server refused the bearer token for ${http.url}/bearer/export.zip (401)`);
  });

  it('a cut-off download, a truncated zip, a hanging server, a TLS error and a wrong URL fail with one sentence and delete nothing', async () => {
    http.files.set('/ok.zip', { body: ZIP });
    http.files.set('/cut.zip', { body: ZIP, cutAt: 0.5 });
    http.files.set('/truncated.zip', { body: ZIP.subarray(0, ZIP.length - 30) });
    http.files.set('/hang.zip', { body: ZIP, hang: true });
    const districtId = await district({ path: `${http.url}/ok.zip` });
    expect((await sync(app, districtId)).status).toBe(SyncStatus.LAUNCHED);
    const cases: Array<[string, RegExp]> = [
      [
        `${http.url}/cut.zip`,
        /^Could not download http:\/\/127\.0\.0\.1:\d+\/cut\.zip: the (connection broke during the download|download ended after \d+ of \d+ bytes).* \(2 attempts\)$/,
      ],
      [
        `${http.url}/truncated.zip`,
        /^The export http:\/\/127\.0\.0\.1:\d+\/truncated\.zip is not a complete zip file \(.+\): it may have been cut off or still be uploading$/,
      ],
      [`${http.url}/hang.zip`, /^Could not download http:\/\/127\.0\.0\.1:\d+\/hang\.zip: no answer within 2 s \(2 attempts\)$/],
      [`${http.url.replace('http:', 'https:')}/ok.zip`, /^Could not download https:\/\/127\.0\.0\.1:\d+\/ok\.zip: .*(TLS|SSL|EPROTO).* \(2 attempts\)$/],
      [`${http.url}/nothing-here.zip`, /^http:\/\/127\.0\.0\.1:\d+\/nothing-here\.zip was not found on the server \(404\)$/],
    ];
    for (const [url, message] of cases) {
      const run = await sync(app, districtId, { mode: SyncMode.RESET, overrideThreshold: true, source: remote({ url }) });
      expect(run.status).toBe(SyncStatus.FAILED);
      expect(run.error).toMatch(message);
      expect(await liveCount(districtId)).toBe(3);
    }
  });

  it('the CLI stores an SFTP source with a key file, prints the fingerprint on test, and never the secrets', async () => {
    const keyFile = join(sshd.root, '..', 'client_key');
    const lines: string[] = [];
    const io = {
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(`ERR ${l}`),
      env: { DATABASE_URL: db.url, SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'silent' },
    };
    const cli = async (...argv: string[]) => {
      lines.length = 0;
      const code = await runCli(argv, io);
      return { code, out: [...lines] };
    };
    expect(await cli('district', 'create', '--name', 'SFTP CLI', '--source', 'oneroster-csv', '--path', sftpUrl('export.zip'))).toEqual({
      code: 1,
      out: ['ERR homeroom: An sftp:// location needs the password (--password) or the private key (--private-key)'],
    });
    expect(
      (await cli('district', 'create', '--name', 'SFTP CLI', '--source', 'oneroster-csv', '--path', sftpUrl('export.zip'), '--private-key', keyFile)).code,
    ).toBe(0);
    const first = await cli('district', 'test', 'SFTP CLI');
    expect(first.code).toBe(1);
    expect(first.out[0]).toContain(`its host key is ${sshd.fingerprint}`);
    expect((await cli('district', 'update', 'SFTP CLI', '--host-key', 'SHA256:short')).out[0]).toMatch(
      /^ERR homeroom: The host key \(--host-key\) must be a SHA256 fingerprint/,
    );
    expect((await cli('district', 'update', 'SFTP CLI', '--host-key', sshd.fingerprint)).code).toBe(0);
    const second = await cli('district', 'test', 'SFTP CLI');
    expect(second.code).toBe(0);
    expect(second.out).toContain(`  host key     ${sshd.fingerprint} (pinned)`);
    const listed = await cli('district', 'list', '--json');
    for (const out of [first.out, second.out, listed.out]) noSecret(out.join('\n'));
    expect(readFileSync(keyFile, 'utf8')).toBe(sshd.privateKey);
  });
});
