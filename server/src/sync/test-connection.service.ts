import type { AppContext } from '../app-context.js';
import { DistrictService } from '../roster/district.service.js';
import type { EntityType, SourceKind } from '../roster/roster-enums.js';
import { createSource } from './sources/source-factory.js';
import type { RosterSource } from './sources/roster-source.js';

export interface ConnectionTestResult {
  districtId: number;
  sourceKind: SourceKind;
  /** True when the source could be read to the end. */
  ok: boolean;
  /** The district's name as the source reports it (Clever does; files do not). */
  districtName: string | null;
  /** Records the source lists, per entity type (before any filtering). */
  counts: Partial<Record<EntityType, number>>;
  /** Why the source could not be read, in one readable line (a rejected token, a missing file). */
  error: string | null;
  /** The SFTP server's host key fingerprint, when the source is on one and it was reached. */
  hostKey?: string;
  elapsedMs: number;
}

export interface ConnectionTestOptions {
  signal?: AbortSignal;
  /** Use this source instead of the district's configured one (tests). */
  source?: RosterSource;
}

/** Counts by reading the records, for sources without describe(). */
async function countRecords(source: RosterSource, signal?: AbortSignal) {
  const counts: Partial<Record<EntityType, number>> = {};
  for (const entity of ['schools', 'people', 'sections'] as const) {
    let n = 0;
    for await (const _ of source.records(entity, signal)) n++;
    counts[entity] = n;
  }
  return { districtName: null, counts };
}

/**
 * "Test connection" for any source kind: opens the district's configured source, checks
 * that it can be read (for Clever: that the token is accepted) and reports the district's
 * name and record counts. Never throws for a source problem: `ok: false` and `error` say why.
 * Writes nothing.
 */
export async function testDistrictConnection(app: AppContext, districtId: number, options: ConnectionTestOptions = {}): Promise<ConnectionTestResult> {
  const service = new DistrictService(app.ds, app.config.secretKey);
  const district = await service.get(districtId);
  const started = Date.now();
  const result = (r: Partial<ConnectionTestResult>): ConnectionTestResult => ({
    districtId: district.id,
    sourceKind: district.sourceKind,
    ok: false,
    districtName: null,
    counts: {},
    error: null,
    elapsedMs: Date.now() - started,
    ...r,
  });
  let source: RosterSource | null = options.source ?? null;
  try {
    source ??= await createSource(district.sourceKind, service.sourceConfig(district));
    const described = source.describe ? await source.describe(options.signal) : await countRecords(source, options.signal);
    return result({
      ok: true,
      districtName: described.districtName,
      counts: described.counts,
      ...('hostKey' in described && described.hostKey ? { hostKey: described.hostKey } : {}),
    });
  } catch (e) {
    if (options.signal?.aborted) throw options.signal.reason;
    app.logger.info({ districtId: district.id, err: e }, 'test connection failed');
    return result({ error: e instanceof Error ? e.message : String(e) });
  } finally {
    if (source && !options.source) await source.close?.().catch(() => undefined);
  }
}
