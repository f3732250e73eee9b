import { DistrictService } from '../../roster/district.service.js';
import { districtSummary } from './district-summary.js';
import { SourceKind } from '../../roster/roster-enums.js';
import type { SourceConfig } from '../../roster/source-config.crypto.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { boolOption, choiceOption, intOption, UsageError, type CommandRunner } from '../cli-command.js';
import { APP_HOOKS } from '../app-hooks.js';
import { closeApp, openApp } from '../cli-context.js';
import type { District } from '../../roster/district.entity.js';
import { scheduledSyncBlocker } from '../../jobs/scheduled-sync-blocker.js';
import { isCalendarDate } from '../../roster/district-settings.validation.js';
import { ValidationError } from '../../errors.js';

const KINDS = Object.values(SourceKind);

/** A local path is made absolute; an sftp://, https:// or http:// location is kept as given. */
const location = (p: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(p) ? p : resolve(p));

/** The source settings named on the command line ('' clears one on update). */
function sourceOptions(v: Record<string, string | boolean | undefined>): Partial<SourceConfig> {
  const source: Partial<SourceConfig> = {};
  const text = (k: string) => (v[k] === undefined ? undefined : String(v[k]));
  if (text('url') !== undefined) source.url = text('url');
  if (text('token') !== undefined) source.token = text('token');
  if (text('path') !== undefined) source.path = text('path') ? location(text('path')!) : '';
  if (text('client-id') !== undefined) source.clientId = text('client-id');
  if (text('client-secret') !== undefined) source.clientSecret = text('client-secret');
  if (text('auth') !== undefined) source.auth = choiceOption(text('auth'), 'auth', ['oauth2', 'oauth1'] as const);
  if (text('token-url') !== undefined) source.tokenUrl = text('token-url');
  if (text('password') !== undefined) source.password = text('password');
  if (text('host-key') !== undefined) source.hostKey = text('host-key');
  const keyFile = text('private-key');
  if (keyFile) {
    try {
      source.privateKey = readFileSync(resolve(keyFile), 'utf8');
    } catch {
      throw new UsageError(`--private-key: cannot read the key file ${keyFile}`);
    }
  }
  return source;
}

/** What may be shown of a district: never the source credentials. */
export const districtCreateCommand: CommandRunner = {
  async run(v, _p, io) {
    if (!v.name) throw new UsageError('--name is required');
    const kind = choiceOption(v.source as string | undefined, 'source', KINDS);
    if (!kind) throw new UsageError('--source is required');
    const source: SourceConfig = Object.fromEntries(Object.entries(sourceOptions(v)).filter(([, x]) => x !== ''));
    if (kind === SourceKind.DEMO) source.students = intOption(v.students, 'students', 1) ?? 2000;
    const app = await openApp(io.env, { quietLogs: true });
    try {
      const service = new DistrictService(app.ds, app.config.secretKey);
      const d = await service.create({
        name: String(v.name),
        sourceKind: kind,
        source,
        timezone: v.timezone as string | undefined,
        schedule: v.schedule as string | undefined,
      });
      const next = await APP_HOOKS.districtChanged(app, d);
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
  return { nextScheduledSync: reason ? null : (next?.toISOString() ?? null), noScheduledSyncReason: reason };
}

function scheduleText(d: District, next: Date | null): string {
  const { nextScheduledSync, noScheduledSyncReason } = scheduleSummary(d, next);
  if (noScheduledSyncReason) return `no scheduled sync: ${noScheduledSyncReason}`;
  return `next scheduled sync ${nextScheduledSync ?? 'none'}`;
}

/** `--sync-as-of YYYY-MM-DD` sets the district's sync date; `today` (or `none`) clears it. */
function syncAsOfOption(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (text === 'today' || text === 'none') return null;
  if (!isCalendarDate(text)) throw new ValidationError(`--sync-as-of must be a real date as YYYY-MM-DD, or "today" to sync as of today again; got "${text}"`);
  return text;
}

export const districtUpdateCommand: CommandRunner = {
  async run(v, positionals, io) {
    if (positionals.length !== 1) throw new UsageError('Name exactly one district (id or name)');
    const source = sourceOptions(v);
    const schools =
      v.schools === undefined
        ? undefined
        : String(v.schools).trim() === 'all'
          ? null
          : String(v.schools)
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean);
    const app = await openApp(io.env, { quietLogs: true });
    try {
      const service = new DistrictService(app.ds, app.config.secretKey);
      const d = await service.update(positionals[0], {
        name: v.name as string | undefined,
        schedule: v.schedule as string | undefined,
        timezone: v.timezone as string | undefined,
        syncEnabled: boolOption(v.enabled, 'enabled'),
        syncExpiresAt: v.expires === undefined ? undefined : v.expires === 'never' ? null : String(v.expires),
        syncAsOf: syncAsOfOption(v['sync-as-of']),
        schoolSelection: schools,
        resetDeleteThreshold: intOption(v.threshold, 'threshold'),
        source: Object.keys(source).length ? source : undefined,
      });
      const next = await APP_HOOKS.districtChanged(app, d);
      const asOf = d.syncAsOf ? ` Every sync runs as of ${d.syncAsOf} (early rollover) until that day, then as of today again.` : '';
      io.out(
        v.json
          ? JSON.stringify({ ...districtSummary(d, service.sourceConfig(d)), ...scheduleSummary(d, next) })
          : `Updated district ${d.id} "${d.name}"; ${scheduleText(d, next)}.${asOf}`,
      );
    } finally {
      await closeApp(app);
    }
    return 0;
  },
};
