import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminRole } from '../../src/auth/roles.js';
import { runCli } from '../../src/cli/main.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { SyncRun } from '../../src/sync/sync-run.entity.js';
import { adminSession, startApiServer, waitFor, type ApiServer } from '../support/api-harness.js';
import { createDistrict, TEST_SECRET } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

const START = `mutation ($input: StartSyncInput!) { startSync(input: $input) { alreadyRunning run { id status previewRunId } } }`;
const RUN = `query ($id: ID!) { syncRun(id: $id) { id status error previewRunId counts { entity deleted } } }`;

describe.each(DIALECTS)('the server guards a Reset on %s', (dialect) => {
  let api: ApiServer;
  let districtId: number;
  let otherId: number;
  let admin: string;
  let env: Record<string, string>;

  /** Starts a run over the API and waits until it ends. */
  async function finished(input: Record<string, unknown>) {
    const res = await api.gql(START, { input: { districtId, ...input } }, admin);
    expect(res.errors).toBeUndefined();
    const id = res.data.startSync.run.id;
    return waitFor(
      async () => {
        const r = (await api.gql(RUN, { id }, admin)).data.syncRun;
        return ['LAUNCHED', 'FAILED', 'CANCELLED'].includes(r.status) && r;
      },
      60_000,
      `run ${id}`,
    );
  }

  const refusal = async (input: Record<string, unknown>) => (await api.gql(START, { input: { districtId, mode: 'RESET', ...input } }, admin)).errors?.[0];

  /** `homeroom …` in this process against the test database; `answer` plays the terminal. */
  async function cli(args: string[], answer?: string) {
    const out: string[] = [];
    const err: string[] = [];
    const asked: string[] = [];
    const ask = answer === undefined ? undefined : async (q: string) => (asked.push(q), answer);
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env, ask });
    return { code, out: out.join('\n'), err: err.join('\n'), asked };
  }

  beforeAll(async () => {
    api = await startApiServer(dialect);
    env = { DATABASE_URL: api.db.url, SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'silent', DATA_DIR: '/tmp/homeroom-test-data' };
    districtId = (await createDistrict(api.app, 'Guarded USD', undefined, { students: 60 })).id;
    otherId = (await createDistrict(api.app, 'Other USD', undefined, { students: 20 })).id;
    admin = await adminSession(api, 'ops@homeroom.test', AdminRole.PLATFORM_ADMIN);
    expect((await finished({})).status).toBe('LAUNCHED');
    // The source now shares fewer students: a Reset would delete the rest.
    await new DistrictService(api.app.ds, api.app.config.secretKey).update(districtId, { source: { students: 40 } });
  }, 120_000);

  afterAll(async () => api?.close());

  it('over GraphQL, refuses a Reset without a fresh preview of the district and its name, then runs it', async () => {
    expect(await refusal({})).toEqual(
      expect.objectContaining({
        message: 'A Reset needs a preview first: start a dry-run Reset of "Guarded USD" and pass its run id as previewRunId',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    );
    const edit = await finished({ mode: 'EDIT', dryRun: true });
    expect((await refusal({ previewRunId: edit.id }))?.message).toBe(`Run ${edit.id} is not a Reset preview (a dry-run Reset); pass one as previewRunId`);
    const other = await api.gql(START, { input: { districtId: otherId, mode: 'RESET', dryRun: true } }, admin);
    const otherPreview = other.data.startSync.run.id;
    await waitFor(async () => (await api.gql(RUN, { id: otherPreview }, admin)).data.syncRun.status === 'LAUNCHED', 60_000, 'other preview');
    expect((await refusal({ previewRunId: otherPreview }))?.message).toBe(`Run ${otherPreview} is not a run of "Guarded USD"; pass a preview of this district`);
    expect((await api.gql(START, { input: { districtId, mode: 'EDIT', previewRunId: otherPreview } }, admin)).errors?.[0].message).toBe(
      'previewRunId and confirmation only apply to a Reset that is not a dry run',
    );

    const preview = await finished({ mode: 'RESET', dryRun: true });
    const deleted = preview.counts.reduce((n: number, c: { deleted: number }) => n + c.deleted, 0);
    expect(deleted).toBeGreaterThan(20);
    expect((await refusal({ previewRunId: preview.id }))?.message).toBe(
      `This Reset deletes ${deleted} records (preview run ${preview.id}); confirm by giving the district's name "Guarded USD" as confirmation`,
    );
    expect((await refusal({ previewRunId: preview.id, confirmation: 'Guarded' }))?.message).toBe(
      'The confirmation "Guarded" does not match the district\'s name "Guarded USD"',
    );

    await api.app.ds.getRepository(SyncRun).update({ id: preview.id }, { finishedAt: new Date(Date.now() - 61 * 60_000) });
    expect((await refusal({ previewRunId: preview.id, confirmation: 'Guarded USD' }))?.message).toBe(
      `Preview run ${preview.id} is more than an hour old; run a new preview so the Reset deletes what you reviewed`,
    );
    expect(await api.app.ds.query('SELECT id FROM sync_run WHERE mode = ? AND dryRun = ?', ['RESET', false])).toEqual([]);

    const fresh = await finished({ mode: 'RESET', dryRun: true });
    const reset = await finished({ mode: 'RESET', previewRunId: fresh.id, confirmation: ' Guarded USD ', overrideThreshold: true });
    expect(reset).toEqual(expect.objectContaining({ status: 'LAUNCHED', previewRunId: String(fresh.id) }));
    expect(reset.counts.reduce((n: number, c: { deleted: number }) => n + c.deleted, 0)).toBe(deleted);

    // Nothing left to delete: the preview is still required, the name is not.
    const nothing = await finished({ mode: 'RESET', dryRun: true });
    expect((await finished({ mode: 'RESET', previewRunId: nothing.id })).status).toBe('LAUNCHED');
  }, 180_000);

  it('on the CLI, previews the Reset itself and asks for the name on a terminal, or needs --confirm without one', async () => {
    await new DistrictService(api.app.ds, api.app.config.secretKey).update(districtId, { source: { students: 30 } });
    const noTty = await cli(['sync', 'Guarded USD', '--mode', 'reset', '--wait', '--override-threshold']);
    expect(noTty.code).toBe(2);
    expect(noTty.out).toMatch(
      /^Previewing the Reset of "Guarded USD" \(run \d+\)…\nPreview run \d+: this Reset deletes \d+ records\.\n {2}people {7}\d+ deleted/,
    );
    expect(noTty.out).toMatch(/\n {2}- people \S+/);
    expect(noTty.err).toContain('This Reset deletes records; without a terminal, confirm with --confirm "Guarded USD"');

    const wrong = await cli(['sync', 'Guarded USD', '--mode', 'reset', '--wait', '--override-threshold'], 'Guarded');
    expect(wrong.asked).toEqual(["Type the district's name to delete these records: "]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toBe('homeroom: The confirmation "Guarded" does not match the district\'s name "Guarded USD"');

    const previewId = Number(/Preview run (\d+)/.exec(wrong.out)![1]);
    const typed = await cli(
      ['sync', 'Guarded USD', '--mode', 'reset', '--preview', String(previewId), '--wait', '--override-threshold', '--json'],
      'Guarded USD',
    );
    expect(typed.asked).toHaveLength(1);
    expect(typed.err).toMatch(new RegExp(`^Preview run ${previewId}: this Reset deletes \\d+ records\\.`));
    expect(typed.code).toBe(0);
    const done = JSON.parse(typed.out);
    expect(done.status).toBe('LAUNCHED');
    expect((await api.app.ds.query('SELECT previewRunId FROM sync_run WHERE id = ?', [done.id]))[0].previewRunId).toBe(previewId);

    await new DistrictService(api.app.ds, api.app.config.secretKey).update(districtId, { source: { students: 25 } });
    const scripted = await cli(['sync', 'Guarded USD', '--mode', 'reset', '--wait', '--override-threshold', '--confirm', 'Guarded USD']);
    expect(scripted.code).toBe(0);
    expect(scripted.out).toMatch(/Run \d+: LAUNCHED/);

    const unknown = await cli(['sync', 'Guarded USD', '--mode', 'reset', '--preview', '999999', '--confirm', 'Guarded USD']);
    expect(unknown).toEqual(expect.objectContaining({ code: 1, err: 'homeroom: Run 999999 is not a run of "Guarded USD"; pass a preview of this district' }));
    const misuse = await cli(['sync', 'Guarded USD', '--confirm', 'Guarded USD']);
    expect(misuse.code).toBe(2);
    expect(misuse.err).toContain('--preview and --confirm only apply to --mode reset without --dry-run');
  }, 180_000);
});
