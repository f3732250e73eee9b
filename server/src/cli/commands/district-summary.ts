import type { District } from '../../roster/district.entity.js';
import { SourceKind } from '../../roster/roster-enums.js';
import type { SourceConfig } from '../../roster/source-config.crypto.js';
import { publicSourceSettings } from '../../roster/source-settings.js';

/** A district as `district list`, `show`, `create` and `update` print it: settings, never secrets. */
export function districtSummary(d: District, source: SourceConfig) {
  const shown = publicSourceSettings(source);
  return {
    id: d.id,
    name: d.name,
    source: d.sourceKind,
    location: source.path ?? source.url ?? (d.sourceKind === SourceKind.DEMO ? `generated, ${source.students ?? 2000} students` : null),
    ...(source.clientId ? { clientId: shown.clientId, auth: shown.auth ?? 'oauth2', tokenUrl: shown.tokenUrl } : {}),
    ...(source.hostKey ? { hostKey: shown.hostKey } : {}),
    secrets: Object.fromEntries(shown.secrets.filter((x) => x.set).map((x) => [x.name, `set ${x.changedAt ?? ''}`.trim()])),
    timezone: d.timezone,
    schedule: d.schedule,
    syncEnabled: d.syncEnabled,
    syncExpiresAt: d.syncExpiresAt,
    syncAsOf: d.syncAsOf,
    schools: d.schoolSelection ?? 'all',
    resetDeleteThreshold: d.resetDeleteThreshold,
  };
}
