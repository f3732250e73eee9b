import type { DataSource } from 'typeorm';
import type { DistrictScope } from '../auth/viewer.js';
import type { AppContext } from '../app-context.js';
import { District } from '../roster/district.entity.js';
import { DistrictService, type UpdateDistrictInput } from '../roster/district.service.js';
import { ENTITY_TYPES, type EntityType } from '../roster/roster-enums.js';
import { EXTRA, ROSTER_TABLES } from './engine/roster-tables.js';
import { FieldMapping } from './field-mapping.entity.js';
import { testDistrictConnection, type ConnectionTestResult } from './test-connection.service.js';
import { checkMappings } from './mapping-check.js';
import { createSource } from './sources/source-factory.js';
import type { FieldMappingTable, RosterSource } from './sources/roster-source.js';
import { ValidationError, SourceError } from '../errors.js';
import { DistrictRepository } from '../roster/district.repository.js';

export interface FieldMappingInput {
  entityType: string;
  targetField: string;
  /** null or empty removes the override (the source default applies again). */
  sourceField?: string | null;
}

export interface SyncSettingsInput extends Omit<UpdateDistrictInput, 'name' | 'source'> {
  fieldMappings?: FieldMappingInput[] | null;
}

/** The target fields a mapping may name per entity type; besides these, `extra.<name>` on schools, people and sections. */
export function mappableFields(entity: EntityType): string[] {
  return entity === 'enrollments' ? [] : ROSTER_TABLES[entity].fields.filter((f) => f !== EXTRA);
}

const EXTRA_NAME = /^extra\.[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** Whether a target names an additional field (`extra.<name>`) the entity type can hold. */
export const isExtraTarget = (entity: EntityType, target: string) => ROSTER_TABLES[entity].fields.includes(EXTRA) && EXTRA_NAME.test(target);

/** A district's sync settings and field mappings, changed on behalf of an API caller. */
export class SyncSettingsService {
  constructor(
    private readonly app: AppContext,
    private readonly scope: DistrictScope,
  ) {}

  private get ds(): DataSource {
    return this.app.ds;
  }

  private get districts(): DistrictRepository {
    return new DistrictRepository(this.app.ds);
  }

  async update(districtId: number, input: SyncSettingsInput): Promise<District> {
    await this.districts.getWritable(this.scope, districtId);
    const { fieldMappings, ...settings } = input;
    const mappings = fieldMappings ? fieldMappings.map((m) => this.checkMapping(m)) : [];
    await this.checkAgainstSource(districtId, mappings);
    // Everything is validated before anything is written.
    const district = await new DistrictService(this.ds, this.app.config.secretKey).update(districtId, settings);
    await this.app.hooks?.districtChanged(this.app, district);
    if (mappings.length) {
      await this.ds.transaction(async (em) => {
        const repo = em.getRepository(FieldMapping);
        for (const m of mappings) {
          const key = { districtId, entityType: m.entityType, targetField: m.targetField };
          if (!m.sourceField) await repo.delete(key);
          else if (await repo.findOneBy(key)) await repo.update(key, { sourceField: m.sourceField });
          else await repo.insert({ ...key, sourceField: m.sourceField });
        }
      });
    }
    return district;
  }

  /** The district's overrides (not the source defaults). */
  async mappings(districtId: number): Promise<FieldMapping[]> {
    this.scope.assertRead(districtId);
    return this.ds.getRepository(FieldMapping).find({ where: { districtId }, order: { entityType: 'ASC', targetField: 'ASC' } });
  }

  /** Reads the source once (district name and counts) without syncing anything. */
  async testConnection(districtId: number): Promise<ConnectionTestResult & { message: string }> {
    const district = await this.districts.getWritable(this.scope, districtId);
    const r = await testDistrictConnection(this.app, districtId, { signal: AbortSignal.timeout(60_000) });
    const message = r.ok
      ? `Read the ${district.sourceKind} source${r.districtName ? ` of ${r.districtName}` : ''} in ${r.elapsedMs} ms.`
      : (r.error ?? 'The source could not be read');
    return { ...r, message };
  }

  /** Mappings naming a field the district's source does not have are refused (they would blank data). */
  private async checkAgainstSource(
    districtId: number,
    mappings: Array<{ entityType: EntityType; targetField: string; sourceField: string | null }>,
  ): Promise<void> {
    const named = mappings.filter((m) => m.sourceField);
    if (!named.length) return;
    const district = await this.districts.getWritable(this.scope, districtId);
    const signal = AbortSignal.timeout(60_000);
    let source: RosterSource | null = null;
    try {
      source = await createSource(district.sourceKind, new DistrictService(this.ds, this.app.config.secretKey).sourceConfig(district));
      const table: FieldMappingTable = {};
      for (const m of named) table[m.entityType] = { ...table[m.entityType], [m.targetField]: m.sourceField! };
      await checkMappings(source, table, signal);
    } catch (e) {
      if (e instanceof SourceError && e.message.startsWith('mapping ')) throw new ValidationError(e.message);
      throw new ValidationError(`The mapping could not be checked against the source, so it was not saved: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      await source?.close?.().catch(() => undefined);
    }
  }

  private checkMapping(m: FieldMappingInput): Required<FieldMappingInput> & { entityType: EntityType } {
    const entity = m.entityType as EntityType;
    if (!ENTITY_TYPES.includes(entity)) throw new ValidationError(`Unknown entity type "${m.entityType}" (one of ${ENTITY_TYPES.join(', ')})`);
    const fields = mappableFields(entity);
    if (!fields.includes(m.targetField) && !isExtraTarget(entity, m.targetField)) {
      throw new ValidationError(
        `"${m.targetField}" is not a mappable ${entity} field (one of ${fields.join(', ') || 'none'}${fields.length ? ', or extra.<name> for an additional field' : ''})`,
      );
    }
    const sourceField = m.sourceField?.trim() || null;
    if (sourceField && sourceField.length > 128) throw new ValidationError('A source field name has at most 128 characters');
    return { entityType: entity, targetField: m.targetField, sourceField };
  }
}
