import type { DistrictScope } from '../auth/viewer.js';
import type { AppContext } from '../app-context.js';
import { District } from '../roster/district.entity.js';
import { DistrictService } from '../roster/district.service.js';
import type { EntityType, SourceKind } from '../roster/roster-enums.js';
import type { SourceConfig } from '../roster/source-config.crypto.js';
import { mergeSourceConfig, newSourceConfig, publicSourceSettings, validateSourceConfig, type SourceSettingsChange } from '../roster/source-settings.js';
import { createSource } from './sources/source-factory.js';
import type { RosterSource } from './sources/roster-source.js';
import { notFound, ValidationError } from '../errors.js';
import { DistrictRepository } from '../roster/district.repository.js';

export interface NewDistrictInput {
  name: string;
  timezone?: string;
  sourceKind: SourceKind;
  source: SourceSettingsChange;
}

export interface SourceTestResult {
  ok: boolean;
  message: string;
  districtName: string | null;
  counts: Partial<Record<EntityType, number>>;
  /** The SFTP server's host key fingerprint, when one was seen (also when it is not trusted yet). */
  hostKey: string | null;
  elapsedMs: number;
}

/**
 * Where a district's roster comes from, managed on behalf of an API caller: platform admins
 * create districts, district admins change their own district's source and credentials.
 * Secrets are write-only; a change names only the settings it changes.
 */
export class SourceSettingsService {
  constructor(
    private readonly app: AppContext,
    private readonly scope: DistrictScope,
  ) {}

  private get districts() {
    return new DistrictService(this.app.ds, this.app.config.secretKey);
  }

  async create(input: NewDistrictInput): Promise<District> {
    if (!this.scope.writesAll) throw notFound('Creating districts');
    const district = await this.districts.create({ name: input.name, sourceKind: input.sourceKind, timezone: input.timezone, source: clean(input.source) });
    await this.app.hooks?.districtChanged(this.app, district);
    return district;
  }

  async update(districtId: number, sourceKind: SourceKind | undefined, change: SourceSettingsChange): Promise<District> {
    this.scope.assertWrite(districtId);
    this.checkLocalPath(change);
    const district = await this.districts.update(districtId, { sourceKind, source: change });
    await this.app.hooks?.districtChanged(this.app, district);
    return district;
  }

  /** A path on the Homeroom server itself would let a district admin read the server's files: platform admins (and the CLI) only. */
  private checkLocalPath(change: SourceSettingsChange): void {
    if (this.scope.writesAll || !change.path || /^(sftp|https?):\/\//i.test(change.path)) return;
    throw new ValidationError('Only a platform admin can point a district at a path on the Homeroom server; use an sftp:// or https:// location');
  }

  /** What the dashboard shows of a district's source: never a secret, only whether and when each was set. */
  async settings(district: District) {
    this.scope.assertWrite(district.id);
    return { kind: district.sourceKind, ...publicSourceSettings(this.districts.sourceConfig(district)) };
  }

  /**
   * Reads a source with settings that are not saved yet (a new district, or a district's
   * stored settings with these changes), so a person sees the counts before saving.
   */
  async test(districtId: number | null, sourceKind: SourceKind, change: SourceSettingsChange): Promise<SourceTestResult> {
    let config: SourceConfig;
    if (districtId === null) {
      if (!this.scope.writesAll) throw notFound('Testing a new district');
      config = newSourceConfig(clean(change));
    } else {
      this.checkLocalPath(change);
      const district = await new DistrictRepository(this.app.ds).getWritable(this.scope, districtId);
      config = mergeSourceConfig(this.districts.sourceConfig(district), change);
    }
    validateSourceConfig(sourceKind, config);
    const started = Date.now();
    let source: RosterSource | null = null;
    try {
      source = await createSource(sourceKind, config);
      const d = source.describe ? await source.describe(AbortSignal.timeout(60_000)) : { districtName: null, counts: {} };
      const hostKey = 'hostKey' in d && d.hostKey ? d.hostKey : null;
      return {
        ok: true,
        message: `Read the ${sourceKind} source${d.districtName ? ` of ${d.districtName}` : ''} in ${Date.now() - started} ms.`,
        districtName: d.districtName,
        counts: d.counts,
        hostKey,
        elapsedMs: Date.now() - started,
      };
    } catch (e) {
      if (e instanceof ValidationError) throw e;
      this.app.logger.info({ districtId, sourceKind, err: e instanceof Error ? e.message : String(e) }, 'source test failed');
      const message = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        message,
        districtName: null,
        counts: {},
        hostKey: /host key (?:is )?(SHA256:[A-Za-z0-9+/]+)/.exec(message)?.[1] ?? null,
        elapsedMs: Date.now() - started,
      };
    } finally {
      await source?.close?.().catch(() => undefined);
    }
  }
}

/** Blank settings in a new configuration are simply not set. */
function clean(change: SourceSettingsChange): SourceConfig {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== null && v !== '' && v !== undefined)) as SourceConfig;
}
