import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { AppContext } from '../../src/app-context.js';
import { notifyRunFinished } from '../../src/notify/run-notifier.js';
import { renderRunEmail } from '../../src/notify/run-email.js';
import { District } from '../../src/roster/district.entity.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { SyncMode, SyncStatus } from '../../src/sync/sync-enums.js';
import { FixtureSource, smallDistrict } from '../support/fixture-source.js';
import { startTestSmtpServer, type ReceivedMail } from '../support/notify-smtp.js';
import { createDistrict, sync, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

const PUBLIC_URL = 'https://roster.example.org';

async function waitForMails(mails: ReceivedMail[], n: number): Promise<void> {
  const until = Date.now() + 5000;
  while (mails.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

describe.each(DIALECTS)('sync emails on %s', (dialect) => {
  let db: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let app: AppContext;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    smtp = await startTestSmtpServer();
    const base = testApp(db);
    app = { ...base, config: { ...base.config, smtpUrl: `${smtp.url}?from=roster@district.example`, publicUrl: PUBLIC_URL } };
  });
  afterAll(async () => {
    await smtp.close();
    await db.drop();
  });
  beforeEach(() => {
    smtp.mails.length = 0;
  });

  async function subscribedDistrict(emails: string[] | null) {
    const d = await createDistrict(app, `Springfield ${dialect} ${n++}`);
    await app.ds.getRepository(District).update({ id: d.id }, { notifyEmails: emails });
    return d;
  }

  it('Launched: one email per subscriber with counts per entity, issues and the report link', async () => {
    const d = await subscribedDistrict(['admin@district.example', 'it@district.example']);
    const data = smallDistrict();
    // A teacher at no school: a TEACHER_NO_SCHOOL issue.
    data.people.push({ sourceId: 'T9', role: 'TEACHER' as never, schoolSourceIds: [], fields: { givenName: 'No', familyName: 'School' } });
    const run = await sync(app, d.id, { source: new FixtureSource(data) });
    expect(run.status).toBe(SyncStatus.LAUNCHED);
    await waitForMails(smtp.mails, 2);
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails.map((m) => m.to).sort()).toEqual([['admin@district.example'], ['it@district.example']]);
    for (const m of smtp.mails) {
      expect(m.from).toBe('roster@district.example');
      expect(m.subject).toBe(`[Homeroom] ${d.name}: Edit sync Launched`);
      expect(m.text).toContain(`The Edit sync of ${d.name} finished`);
      expect(m.text).toMatch(/Schools\s+2\s+0\s+0\s+0\s+0/);
      expect(m.text).toMatch(/People\s+13\s+0\s+0\s+0\s+0/);
      expect(m.text).toMatch(/Enrollments\s+13\s/);
      expect(m.text).toContain('TEACHER_NO_SCHOOL: 1');
      expect(m.text).toMatch(/3 new teachers need a license:\n {2}\S.* \(T\d\)\n {2}/);
      expect(m.text).toContain(`Full report: ${PUBLIC_URL}/districts/${d.id}/runs/${run.id}`);
      expect(m.html).toContain(`href="${PUBLIC_URL}/districts/${d.id}/runs/${run.id}"`);
    }
  });

  it('Failed: the reason in plain words, nothing changed', async () => {
    const d = await subscribedDistrict(['admin@district.example']);
    const source = new FixtureSource(smallDistrict());
    source.failOn = 'people';
    const run = await sync(app, d.id, { source });
    expect(run.status).toBe(SyncStatus.FAILED);
    await waitForMails(smtp.mails, 1);
    expect(smtp.mails).toHaveLength(1);
    const [m] = smtp.mails;
    expect(m.to).toEqual(['admin@district.example']);
    expect(m.subject).toBe(`[Homeroom] ${d.name}: Edit sync Failed`);
    expect(m.text).toContain('Nothing in the roster was changed');
    expect(m.text).toContain('Reason: connection reset while reading people');
    expect(m.text).toContain(`${PUBLIC_URL}/districts/${d.id}/runs/${run.id}`);
  });

  it('"failures and Resets only" subscribers skip launched Edit syncs but hear of failures and Resets', async () => {
    const d = await subscribedDistrict(['every@district.example', 'problems@district.example']);
    await new DistrictService(app.ds, app.config.secretKey).update(d.id, { notifyProblemsOnly: ['problems@district.example'] });
    await expect(new DistrictService(app.ds, app.config.secretKey).update(d.id, { notifyProblemsOnly: ['nobody@district.example'] })).rejects.toThrow(
      'nobody@district.example must also be in notifyEmails to get failure and Reset emails',
    );
    const source = new FixtureSource(smallDistrict());
    expect((await sync(app, d.id, { source })).status).toBe(SyncStatus.LAUNCHED);
    await waitForMails(smtp.mails, 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mails.map((m) => m.to)).toEqual([['every@district.example']]);

    smtp.mails.length = 0;
    expect((await sync(app, d.id, { source, mode: SyncMode.RESET })).status).toBe(SyncStatus.LAUNCHED);
    await waitForMails(smtp.mails, 2);
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(['every@district.example', 'problems@district.example']);

    smtp.mails.length = 0;
    source.failOn = 'people';
    expect((await sync(app, d.id, { source })).status).toBe(SyncStatus.FAILED);
    await waitForMails(smtp.mails, 2);
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(['every@district.example', 'problems@district.example']);
  });

  it('Reset threshold refusal: explains the threshold and how to override it', async () => {
    const d = await subscribedDistrict(null);
    const data = smallDistrict();
    expect((await sync(app, d.id, { source: new FixtureSource(data) })).status).toBe(SyncStatus.LAUNCHED);
    expect(smtp.mails).toHaveLength(0); // no subscribers yet: nothing sent
    await app.ds.getRepository(District).update({ id: d.id }, { notifyEmails: ['admin@district.example'] });
    data.people = data.people.filter((p) => !['P1', 'P2', 'P3'].includes(p.sourceId));
    const refused = await sync(app, d.id, { source: new FixtureSource(data), mode: SyncMode.RESET });
    expect(refused.status).toBe(SyncStatus.FAILED);
    expect(refused.error).toMatch(/^Reset refused/);
    await waitForMails(smtp.mails, 1);
    expect(smtp.mails).toHaveLength(1);
    const [m] = smtp.mails;
    expect(m.subject).toBe(`[Homeroom] ${d.name}: Reset refused (too many deletions) — nothing changed`);
    expect(m.text).toContain('3 of 13 people (23.1%)');
    expect(m.text).toContain('10%');
    expect(m.text).toContain('--override-threshold');
    expect(m.text).toContain('Override the deletion threshold');
  });

  it('dry runs send no email', async () => {
    const d = await subscribedDistrict(['admin@district.example']);
    const run = await sync(app, d.id, { source: new FixtureSource(smallDistrict()), dryRun: true });
    expect(run.status).toBe(SyncStatus.LAUNCHED);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mails).toHaveLength(0);
    expect(await notifyRunFinished(app, run.id)).toMatchObject({ sent: [], skipped: 'dry run' });
  });

  it('an unreachable SMTP server is logged and does not fail the run', async () => {
    const d = await subscribedDistrict(['admin@district.example']);
    const broken: AppContext = { ...app, config: { ...app.config, smtpUrl: 'smtp://127.0.0.1:1' } };
    const run = await sync(broken, d.id, { source: new FixtureSource(smallDistrict()) });
    expect(run.status).toBe(SyncStatus.LAUNCHED);
    expect(await notifyRunFinished(broken, run.id)).toEqual({ sent: [], failed: ['admin@district.example'] });
  });

  it('without SMTP_URL the email is logged at info with recipients and subject', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(JSON.parse(String(chunk)));
        cb();
      },
    });
    const logged: AppContext = { ...app, config: { ...app.config, smtpUrl: null }, logger: pino({ level: 'info' }, sink) };
    const d = await subscribedDistrict(['a@district.example', 'b@district.example']);
    const run = await sync(logged, d.id, { source: new FixtureSource(smallDistrict()) });
    const mails = lines.filter((l) => l.msg === 'email not sent (SMTP_URL is not set); logged instead');
    expect(mails.map((l) => l.to).sort()).toEqual(['a@district.example', 'b@district.example']);
    for (const l of mails) {
      expect(l).toMatchObject({ level: 30, subject: `[Homeroom] ${d.name}: Edit sync Launched`, runId: run.id, districtId: d.id });
      expect(String(l.text)).toContain(`/districts/${d.id}/runs/${run.id}`);
    }
    expect(smtp.mails).toHaveLength(0);
  });
});

describe('run email rendering', () => {
  const base = {
    district: { id: 7, name: 'Shelbyville', resetDeleteThreshold: 10 },
    publicUrl: 'http://localhost:4000/',
  };
  const run = {
    id: 42,
    districtId: 7,
    mode: 'EDIT',
    trigger: 'SCHEDULED',
    dryRun: false,
    counts: null,
    issueCounts: null,
    requestedBy: null,
    startedAt: new Date('2026-11-23T07:00:00Z'),
    finishedAt: new Date('2026-11-23T07:01:05Z'),
  } as const;

  it('names the first 50 new teachers and links to the rest', () => {
    const listed = Array.from({ length: 50 }, (_, i) => ({ name: `Teacher ${i}`, email: `t${i}@x.example`, sourceId: `T${i}` }));
    const run = {
      id: 9,
      districtId: 3,
      mode: SyncMode.EDIT,
      trigger: 'MANUAL' as never,
      status: SyncStatus.LAUNCHED,
      dryRun: false,
      counts: null,
      issueCounts: null,
      error: null,
      startedAt: null,
      finishedAt: null,
    };
    const email = renderRunEmail({
      run,
      district: { id: 3, name: 'Oak <USD>', resetDeleteThreshold: 10 },
      publicUrl: PUBLIC_URL,
      newTeachers: { total: 73, listed },
    });
    expect(email.text).toContain('73 new teachers need a license:\n  Teacher 0 <t0@x.example> (T0)\n');
    expect(email.text).toContain(`  Teacher 49 <t49@x.example> (T49)\n  … and 23 more: ${PUBLIC_URL}/districts/3/runs/9`);
    expect(email.html).toContain('<li>Teacher 0 &lt;t0@x.example&gt; (T0)</li>');
    expect(email.html).toContain(`<a href="${PUBLIC_URL}/districts/3/runs/9">… and 23 more in the report</a>`);
    const one = renderRunEmail({
      run,
      district: { id: 3, name: 'Oak', resetDeleteThreshold: 10 },
      publicUrl: PUBLIC_URL,
      newTeachers: { total: 1, listed: listed.slice(0, 1) },
    });
    expect(one.text).toContain('1 new teacher needs a license:');
    expect(one.text).not.toContain('more:');
  });

  it('an interrupted run is explained, and the link has no double slash', () => {
    const e = renderRunEmail({ ...base, run: { ...run, status: SyncStatus.FAILED, error: 'interrupted' } as never });
    expect(e.subject).toBe('[Homeroom] Shelbyville: scheduled Edit sync Failed');
    expect(e.text).toContain('the worker running it stopped');
    expect(e.text).toContain('http://localhost:4000/districts/7/runs/42');
  });

  it('a cancelled run says nothing changed; HTML escapes names', () => {
    const e = renderRunEmail({
      ...base,
      district: { ...base.district, name: 'A<b>&C' },
      run: { ...run, status: SyncStatus.CANCELLED, error: 'Cancelled by request' } as never,
    });
    expect(e.subject).toContain('Cancelled');
    expect(e.text).toContain('Nothing in the roster was changed');
    expect(e.html).toContain('A&lt;b&gt;&amp;C');
    expect(e.html).not.toContain('A<b>');
  });
});
