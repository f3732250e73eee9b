import { API_TOKEN_CACHE } from '../auth/api-token-cache.js';
import type { DataSource } from 'typeorm';
import { decryptSourceConfig, encryptSourceConfig, type SourceConfig } from './source-config.crypto.js';
import { District } from './district.entity.js';
import { validateCron, validateDate, validateSchedule, validateTimezone } from './district-settings.validation.js';
import { SourceKind } from './roster-enums.js';
import { mergeSourceConfig, newSourceConfig, validateSourceConfig, type SourceSettingsChange } from './source-settings.js';
import { ValidationError } from '../errors.js';
import { byDistrictName } from './district-row.js';
import { localDate as todayIn } from '../local-date.js';

export interface CreateDistrictInput {
  name: string;
  sourceKind: SourceKind;
  source: SourceConfig;
  timezone?: string;
  schedule?: string;
}

export interface UpdateDistrictInput {
  name?: string;
  /** A new source kind: the source settings are then checked for it. */
  sourceKind?: SourceKind;
  /** Settings not named keep their value; null or '' clears one. */
  source?: SourceSettingsChange;
  timezone?: string;
  schedule?: string;
  syncEnabled?: boolean;
  syncExpiresAt?: string | null;
  /** Early rollover date (YYYY-MM-DD); null clears it. A date that has already arrived is stored as null: runs use today. */
  syncAsOf?: string | null;
  schoolSelection?: string[] | null;
  notifyEmails?: string[] | null;
  notifyProblemsOnly?: string[] | null;
  resetDeleteThreshold?: number;
}

/** Districts and their sync settings; source credentials stay encrypted at rest. */
export class DistrictService {
  constructor(
    private readonly ds: DataSource,
    private readonly secretKey: Buffer,
  ) {}

  private get repo() {
    return this.ds.getRepository(District);
  }

  /** By name, case-insensitively the same on every database. */
  async list(): Promise<District[]> {
    return (await this.repo.find()).sort(byDistrictName);
  }

  /** By numeric id or exact name. */
  async find(ref: string | number): Promise<District | null> {
    if (typeof ref === 'number' || /^\d+$/.test(ref)) {
      const byId = await this.repo.findOneBy({ id: Number(ref) });
      if (byId) return byId;
    }
    return this.repo.findOneBy({ name: String(ref) });
  }

  async get(ref: string | number): Promise<District> {
    const d = await this.find(ref);
    if (!d) throw new ValidationError(`No district "${ref}" (give its id or exact name; \`homeroom district list\` shows them)`);
    return d;
  }

  async create(input: CreateDistrictInput): Promise<District> {
    const name = input.name.trim();
    if (!name) throw new ValidationError('A district needs a name');
    if (!Object.values(SourceKind).includes(input.sourceKind)) {
      throw new ValidationError(`Unknown source "${input.sourceKind}" (one of ${Object.values(SourceKind).join(', ')})`);
    }
    if (await this.repo.findOneBy({ name })) throw new ValidationError(`A district named "${name}" already exists`);
    this.checkSource(input.sourceKind, input.source);
    const timezone = input.timezone ?? 'America/New_York';
    const schedule = input.schedule ?? '0 2 * * *';
    validateSchedule(schedule, timezone);
    return this.repo.save(
      this.repo.create({
        name,
        sourceKind: input.sourceKind,
        timezone,
        schedule,
        sourceConfigEncrypted: encryptSourceConfig(newSourceConfig(input.source), this.secretKey),
        syncEnabled: true,
        schoolSelection: null,
        notifyEmails: null,
        notifyProblemsOnly: null,
        resetDeleteThreshold: 10,
        syncExpiresAt: null,
        syncAsOf: null,
      }),
    );
  }

  async update(ref: string | number, input: UpdateDistrictInput): Promise<District> {
    const d = await this.get(ref);
    if (input.name !== undefined) {
      const name = input.name.trim();
      const other = await this.repo.findOneBy({ name });
      if (other && other.id !== d.id) throw new ValidationError(`A district named "${name}" already exists`);
      d.name = name;
    }
    if (input.timezone !== undefined) {
      validateTimezone(input.timezone);
      d.timezone = input.timezone;
    }
    if (input.schedule !== undefined) d.schedule = input.schedule.trim();
    validateCron(d.schedule, d.timezone);
    if (input.syncEnabled !== undefined) d.syncEnabled = input.syncEnabled;
    if (input.syncExpiresAt !== undefined) {
      if (input.syncExpiresAt) validateDate(input.syncExpiresAt, 'The sync expiration');
      d.syncExpiresAt = input.syncExpiresAt;
    }
    if (input.syncAsOf !== undefined) {
      if (input.syncAsOf) validateDate(input.syncAsOf, 'The sync date');
      // Only a date still ahead changes anything; one that has arrived would be a stale setting.
      d.syncAsOf = input.syncAsOf && input.syncAsOf > todayIn(d.timezone) ? input.syncAsOf : null;
    }
    if (input.schoolSelection !== undefined) d.schoolSelection = input.schoolSelection?.length ? [...new Set(input.schoolSelection)] : null;
    if (input.notifyEmails !== undefined) {
      for (const e of input.notifyEmails ?? []) if (!/^[^@\s]+@[^@\s]+$/.test(e)) throw new ValidationError(`"${e}" is not an email address`);
      d.notifyEmails = input.notifyEmails?.length ? input.notifyEmails : null;
    }
    if (input.notifyProblemsOnly !== undefined) d.notifyProblemsOnly = input.notifyProblemsOnly?.length ? [...new Set(input.notifyProblemsOnly)] : null;
    const strangers = (d.notifyProblemsOnly ?? []).filter((e) => !(d.notifyEmails ?? []).includes(e));
    if (strangers.length) throw new ValidationError(`${strangers.join(', ')} must also be in notifyEmails to get failure and Reset emails`);
    if (input.resetDeleteThreshold !== undefined) {
      const t = input.resetDeleteThreshold;
      if (!Number.isInteger(t) || t < 0 || t > 100) throw new ValidationError(`The reset threshold must be a whole percent from 0 to 100, got ${t}`);
      d.resetDeleteThreshold = t;
    }
    if (input.sourceKind !== undefined && input.sourceKind !== d.sourceKind) {
      if (!Object.values(SourceKind).includes(input.sourceKind)) {
        throw new ValidationError(`Unknown source "${input.sourceKind}" (one of ${Object.values(SourceKind).join(', ')})`);
      }
      d.sourceKind = input.sourceKind;
      input = { ...input, source: input.source ?? {} };
    }
    if (input.source) {
      const merged = mergeSourceConfig(this.sourceConfig(d), input.source);
      this.checkSource(d.sourceKind, merged);
      d.sourceConfigEncrypted = encryptSourceConfig(merged, this.secretKey);
    }
    const saved = await this.repo.save(d);
    // Partner requests read the district with their token: they see the change at once.
    API_TOKEN_CACHE.forgetDistrict(saved.id);
    return saved;
  }

  sourceConfig(d: District): SourceConfig {
    return decryptSourceConfig(d.sourceConfigEncrypted, this.secretKey);
  }

  private checkSource(kind: SourceKind, c: SourceConfig): void {
    validateSourceConfig(kind, c);
  }
}
