import { DistrictService } from '../../roster/district.service.js';
import { SourceKind } from '../../roster/roster-enums.js';
import type { SourceConfig } from '../../sync/source-config.crypto.js';
import { resolve } from 'node:path';
import { boolOption, choiceOption, intOption, UsageError, type CliCommand } from '../cli-command.js';
import { closeApp, openApp } from '../cli-context.js';
import type { District } from '../../roster/district.entity.js';
import { rescheduleDistrict } from '../../jobs/index.js';
import { scheduledSyncBlocker } from '../../jobs/definitions/district-schedule.job.js';

const KINDS = Object.values(SourceKind);

/** What may be shown of a district: never the source credentials. */
export function districtSummary(d: District, source: SourceConfig) {
  return {
    id: d.id, name: d.name, source: d.sourceKind,
    location: source.path ?? source.url ?? (d.sourceKind === SourceKind.DEMO ? `generated, ${source.students ?? 2000} students` : null),
    timezone: d.timezone, schedule: d.schedule, syncEnabled: d.syncEnabled, syncExpiresAt: d.syncExpiresAt,
    schools: d.schoolSelection ?? 'all', resetDeleteThreshold: d.resetDeleteThreshold,
  };
}

export const districtCreateCommand: CliCommand = {
  path: ['district', 'create'],
  summary: 'Create a district and say where its roster comes from',
  usage: 'homeroom district create --name N --source clever-api|clever-csv|oneroster-csv|demo [--url U] [--token T] [--path DIR_OR_ZIP] [--students N] [--timezone TZ] [--schedule CRON] [--json]',
  options: {
    name: { type: 'string' }, source: { type: 'string' }, url: { type: 'string' }, token: { type: 'string' },
    path: { type: 'string' }, students: { type: 'string' }, timezone: { type: 'string' }, schedule: { type: 'string' }, json: { type: 'boolean' },
  },
  async run(v, _p, io) {
    if (!v.name) throw new UsageError('--name is required');
    const kind = choiceOption(v.source as string | undefined, 'source', KINDS);
    if (!kind) throw new UsageError('--source is required');
    const source: SourceConfig = {};
    if (v.url) source.url = String(v.url);
    if (v.token) source.token = String(v.token);
    if (v.path) source.path = resolve(String(v.path));
    if (kind === SourceKind.DEMO) source.students = intOption(v.students, 'students', 1) ?? 2000;
    const app = await openApp(io.env, { quietLogs: true });
    try {
      const service = new DistrictService(app.ds, app.config.secretKey);
      const d = await service.create({ name: String(v.name), sourceKind: kind, source, timezone: v.timezone as string | undefined, schedule: v.schedule as string | undefined });
      const next = await rescheduleDistrict(app, d);
      const summary = { ...districtSummary(d, service.sourceConfig(d)), ...scheduleSummary(d, next) };
      io.out(v.json ? JSON.stringify(summary) : `Created district ${d.id} "${d.name}" (${d.sourceKind}); ${scheduleText(d, next)}.`);
    } finally {
      await closeApp(app);
    }
    return 0;
  },
};

/** The next scheduled sync, or why there is none (paused, expired). */
function scheduleSummary(d: District, next: Date | null) {
  const reason = scheduledSyncBlocker(d);
  return { nextScheduledSync: reason ? null : next?.toISOString() ?? null, noScheduledSyncReason: reason };
}

function scheduleText(d: District, next: Date | null): string {
  const { nextScheduledSync, noScheduledSyncReason } = scheduleSummary(d, next);
  if (noScheduledSyncReason) return `no scheduled sync: ${noScheduledSyncReason}`;
  return `next scheduled sync ${nextScheduledSync ?? 'none'}`;
}

export const districtListCommand: CliCommand = {
  path: ['district', 'list'],
  summary: 'List districts',
  usage: 'homeroom district list [--json]',
  options: { json: { type: 'boolean' } },
  async run(v, _p, io) {
    const app = await openApp(io.env, { quietLogs: true });
    try {
      const service = new DistrictService(app.ds, app.config.secretKey);
      const rows = (await service.list()).map((d) => ({ ...districtSummary(d, service.sourceConfig(d)), noScheduledSyncReason: scheduledSyncBlocker(d) }));
      if (v.json) io.out(JSON.stringify(rows));
      else if (rows.length === 0) io.out('No districts yet. Create one with `homeroom district create` or `homeroom demo`.');
      else for (const r of rows) io.out(`${String(r.id).padStart(4)}  ${r.name.padEnd(30)} ${r.source.padEnd(14)} ${r.location ?? ''}${r.noScheduledSyncReason ? `  (no scheduled sync: ${r.noScheduledSyncReason})` : ''}`.trimEnd());
    } finally {
      await closeApp(app);
    }
    return 0;
  },
};

export const districtUpdateCommand: CliCommand = {
  path: ['district', 'update'],
  summary: "Change a district's source or sync settings",
  usage: 'homeroom district update <district> [--name N] [--url U] [--token T] [--path P] [--schedule CRON] [--timezone TZ] [--schools all|ID,ID…] [--expires YYYY-MM-DD|never] [--enabled true|false] [--threshold PERCENT] [--json]',
  positionals: ['district'],
  options: {
    name: { type: 'string' }, url: { type: 'string' }, token: { type: 'string' }, path: { type: 'string' }, schedule: { type: 'string' },
    timezone: { type: 'string' }, schools: { type: 'string' }, expires: { type: 'string' }, enabled: { type: 'string' },
    threshold: { type: 'string' }, json: { type: 'boolean' },
  },
  async run(v, positionals, io) {
    if (positionals.length !== 1) throw new UsageError('Name exactly one district (id or name)');
    const source: Partial<SourceConfig> = {};
    if (v.url !== undefined) source.url = String(v.url);
    if (v.token !== undefined) source.token = String(v.token);
    if (v.path !== undefined) source.path = resolve(String(v.path));
    const schools = v.schools === undefined ? undefined : String(v.schools).trim() === 'all' ? null : String(v.schools).split(',').map((s) => s.trim()).filter(Boolean);
    const app = await openApp(io.env, { quietLogs: true });
    try {
      const service = new DistrictService(app.ds, app.config.secretKey);
      const d = await service.update(positionals[0], {
        name: v.name as string | undefined, schedule: v.schedule as string | undefined, timezone: v.timezone as string | undefined,
        syncEnabled: boolOption(v.enabled, 'enabled'),
        syncExpiresAt: v.expires === undefined ? undefined : v.expires === 'never' ? null : String(v.expires),
        schoolSelection: schools, resetDeleteThreshold: intOption(v.threshold, 'threshold'),
        source: Object.keys(source).length ? source : undefined,
      });
      const next = await rescheduleDistrict(app, d);
      io.out(v.json ? JSON.stringify({ ...districtSummary(d, service.sourceConfig(d)), ...scheduleSummary(d, next) }) : `Updated district ${d.id} "${d.name}"; ${scheduleText(d, next)}.`);
    } finally {
      await closeApp(app);
    }
    return 0;
  },
};
