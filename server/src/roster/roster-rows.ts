import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { Page, PageRequest } from './roster-query.service.js';

/** Column types whose raw driver value differs from the entity's (0/1, date strings, JSON text). */
const CONVERTED = new Set<unknown>(['boolean', Boolean, 'datetime', Date, 'date', 'simple-json', 'simple-array', 'timestamp']);

/**
 * Reads an entity's rows as plain objects with the entity's property names and value types,
 * without TypeORM's entity hydration (which costs several times the SQL on list reads).
 * Only the columns that need it go through the driver's own value conversion.
 */
export class RowMapper<T extends ObjectLiteral> {
  private readonly columns: ReadonlyArray<{ property: string; meta: ColumnMetadata; convert: boolean }>;

  private constructor(
    private readonly ds: DataSource,
    entity: new () => T,
  ) {
    this.columns = ds.getMetadata(entity).columns.map((meta) => ({ property: meta.propertyName, meta, convert: CONVERTED.has(meta.type) }));
  }

  private static cache = new WeakMap<DataSource, Map<unknown, RowMapper<ObjectLiteral>>>();

  /** One mapper per DataSource and entity (metadata is per DataSource). */
  static of<T extends ObjectLiteral>(ds: DataSource, entity: new () => T): RowMapper<T> {
    let byEntity = RowMapper.cache.get(ds);
    if (!byEntity) RowMapper.cache.set(ds, (byEntity = new Map()));
    let mapper = byEntity.get(entity);
    if (!mapper) byEntity.set(entity, (mapper = new RowMapper(ds, entity)));
    return mapper as unknown as RowMapper<T>;
  }

  /** Selects every column of `alias` as `<prefix><property>` (replacing the selection when `replace`). */
  select<Q extends ObjectLiteral>(qb: SelectQueryBuilder<Q>, alias: string, prefix = '', replace = true): SelectQueryBuilder<Q> {
    this.columns.forEach(({ property }, i) => {
      if (i === 0 && replace) qb.select(`${alias}.${property}`, `${prefix}${property}`);
      else qb.addSelect(`${alias}.${property}`, `${prefix}${property}`);
    });
    return qb;
  }

  map(raw: Record<string, unknown>, prefix = ''): T {
    const keys = this.keysFor(prefix);
    const out: Record<string, unknown> = {};
    for (let i = 0; i < this.columns.length; i++) {
      const c = this.columns[i];
      const v = raw[keys[i]];
      out[c.property] = c.convert && v != null ? this.ds.driver.prepareHydratedValue(v, c.meta) : v;
    }
    return out as T;
  }

  /** The raw row keys for a prefix, built once (this runs for every column of every row). */
  private readonly keys = new Map<string, string[]>();
  private keysFor(prefix: string): string[] {
    let keys = this.keys.get(prefix);
    if (!keys) this.keys.set(prefix, (keys = this.columns.map((c) => `${prefix}${c.property}`)));
    return keys;
  }

  async many<Q extends ObjectLiteral>(qb: SelectQueryBuilder<Q>, alias: string): Promise<T[]> {
    const rows: Array<Record<string, unknown>> = await this.select(qb, alias).getRawMany();
    return rows.map((r) => this.map(r));
  }
}

/**
 * Keyset page of an id-ordered query read through a RowMapper. The total is counted only
 * when the caller asks for it (totalCount is a thunk): most partner pages never do.
 */
export async function pageRows<T extends ObjectLiteral>(qb: SelectQueryBuilder<ObjectLiteral>, mapper: RowMapper<T>, page: PageRequest): Promise<Page<T>> {
  const alias = qb.alias;
  const counted = qb.clone();
  if (page.afterId != null) qb.andWhere(`${alias}.id > :afterId`, { afterId: page.afterId });
  const rows = await mapper.many(qb.orderBy(`${alias}.id`, 'ASC').limit(page.first + 1), alias);
  return {
    nodes: rows.slice(0, page.first),
    hasNextPage: rows.length > page.first,
    totalCount: async () => Number((await counted.select('COUNT(*)', 'n').getRawOne<{ n: number | string }>())?.n ?? 0),
  };
}
