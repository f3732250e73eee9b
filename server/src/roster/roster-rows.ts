import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { Page, PageRequest } from './keyset-page.js';

/** Column types whose raw driver value differs from the entity's (0/1, date strings, JSON text). */
const CONVERTED = new Set<unknown>(['boolean', Boolean, 'datetime', Date, 'date', 'simple-json', 'simple-array', 'timestamp']);

/**
 * A roster record's bookkeeping (which run created, updated or last saw it, and when): the sync
 * engine and the change record use it; no API type shows it, so API reads leave it out.
 */
export const BOOKKEEPING_COLUMNS = ['createdByRunId', 'updatedByRunId', 'lastSeenRunId', 'deletedByRunId', 'createdAt', 'updatedAt'] as const;
/** A roster record as the API reads it: every column but the bookkeeping. */
export type ApiRow<T> = Omit<T, (typeof BOOKKEEPING_COLUMNS)[number]>;

type Column = { property: string; meta: ColumnMetadata; convert: boolean };
type MapFn = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * Reads an entity's rows as plain objects with the entity's property names and value types,
 * without TypeORM's entity hydration (which costs several times the SQL on list reads). This is
 * the partner API's hot path, so each mapper reads only the columns it is given, and maps a row
 * with a function compiled once per prefix: every object it makes has the same shape, built in
 * one literal, which V8 allocates and reads far faster than properties added one by one.
 */
export class RowMapper<T extends ObjectLiteral> {
  private readonly columns: readonly Column[];
  private readonly table: string;
  private readonly columnNames: ReadonlyMap<string, string>;

  private constructor(
    private readonly ds: DataSource,
    entity: new () => ObjectLiteral,
    properties: readonly string[] | null,
  ) {
    this.table = ds.getMetadata(entity).tableName;
    const all = ds.getMetadata(entity).columns;
    this.columnNames = new Map(all.map((c) => [c.propertyName, c.databaseName]));
    const picked = properties
      ? properties.map((p) => {
          const meta = all.find((c) => c.propertyName === p);
          if (!meta) throw new Error(`${entity.name} has no column ${p}`);
          return meta;
        })
      : all.filter((c) => !(BOOKKEEPING_COLUMNS as readonly string[]).includes(c.propertyName));
    this.columns = picked.map((meta) => ({ property: meta.propertyName, meta, convert: CONVERTED.has(meta.type) }));
  }

  private static cache = new WeakMap<DataSource, Map<string, RowMapper<ObjectLiteral>>>();

  /**
   * One mapper per DataSource (metadata is per DataSource), entity and column list: by default
   * every column but the bookkeeping (ApiRow), or just the `properties` named.
   */
  static of<E extends ObjectLiteral>(ds: DataSource, entity: new () => E): RowMapper<ApiRow<E>>;
  static of<E extends ObjectLiteral, K extends keyof E & string>(ds: DataSource, entity: new () => E, properties: readonly K[]): RowMapper<Pick<E, K>>;
  static of(ds: DataSource, entity: new () => ObjectLiteral, properties: readonly string[] | null = null): RowMapper<ObjectLiteral> {
    return RowMapper.cached(ds, `${entity.name}:${properties?.join(',') ?? '*'}`, () => new RowMapper(ds, entity, properties));
  }

  /** Every column of the entity, bookkeeping included (records that are not roster records). */
  static entire<E extends ObjectLiteral>(ds: DataSource, entity: new () => E): RowMapper<E> {
    const columns = () => ds.getMetadata(entity).columns.map((c) => c.propertyName);
    return RowMapper.cached(ds, `${entity.name}:entire`, () => new RowMapper(ds, entity, columns())) as unknown as RowMapper<E>;
  }

  private static cached(ds: DataSource, key: string, make: () => RowMapper<ObjectLiteral>): RowMapper<ObjectLiteral> {
    let mappers = RowMapper.cache.get(ds);
    if (!mappers) RowMapper.cache.set(ds, (mappers = new Map()));
    let mapper = mappers.get(key);
    if (!mapper) mappers.set(key, (mapper = make()));
    return mapper;
  }

  /** Selects the mapper's columns of `alias` as `<prefix><property>` (replacing the selection when `replace`). */
  select<Q extends ObjectLiteral>(qb: SelectQueryBuilder<Q>, alias: string, prefix = '', replace = true): SelectQueryBuilder<Q> {
    this.columns.forEach(({ property }, i) => {
      if (i === 0 && replace) qb.select(`${alias}.${property}`, `${prefix}${property}`);
      else qb.addSelect(`${alias}.${property}`, `${prefix}${property}`);
    });
    return qb;
  }

  /** The same selection as SQL text, for statements written without the query builder. */
  selectList(alias: string, prefix = ''): string {
    const q = (name: string) => this.ds.driver.escape(name);
    return this.columns.map((c) => `${q(alias)}.${q(c.meta.databaseName)} AS ${q(prefix + c.property)}`).join(', ');
  }

  map(raw: Record<string, unknown>, prefix = ''): T {
    return this.mapFor(prefix)(raw) as T;
  }

  private readonly compiled = new Map<string, MapFn>();
  private mapFor(prefix: string): MapFn {
    let fn = this.compiled.get(prefix);
    if (!fn) this.compiled.set(prefix, (fn = this.compile(prefix)));
    return fn;
  }

  /** `raw => ({ id: raw["p_id"], …, deletedAt: raw["p_deletedAt"] == null ? … : convert[5](…) })` */
  private compile(prefix: string): MapFn {
    const convert = this.columns.map((c) => (v: unknown) => this.ds.driver.prepareHydratedValue(v, c.meta) as unknown);
    const fields = this.columns.map((c, i) => {
      const v = `raw[${JSON.stringify(prefix + c.property)}]`;
      return `${JSON.stringify(c.property)}: ${c.convert ? `${v} == null ? ${v} : convert[${i}](${v})` : v}`;
    });
    // Property names come from the entity metadata and are quoted as JSON: no input reaches this text.
    return new Function('convert', `return function mapRow(raw) { return { ${fields.join(', ')} }; };`)(convert) as MapFn;
  }

  async many<Q extends ObjectLiteral>(qb: SelectQueryBuilder<Q>, alias: string): Promise<T[]> {
    const rows: Array<Record<string, unknown>> = await this.select(qb, alias).getRawMany();
    const map = this.mapFor('');
    return rows.map((r) => map(r) as T);
  }

  /**
   * Rows whose `property` is one of `values` (and `andSql`, on alias `r`), deleted or not unless
   * `andSql` says so: one statement, written without the query builder (the lookups DataLoader
   * batches run for every page a partner reads).
   */
  async whereIn(property: string, values: readonly (number | string)[], andSql = ''): Promise<T[]> {
    if (!values.length) return [];
    const q = (name: string) => this.ds.driver.escape(name);
    const column = this.columnNames.get(property);
    if (!column) throw new Error(`${this.table} has no column ${property}`);
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT ${this.selectList('r')} FROM ${q(this.table)} r WHERE r.${q(column)} IN (${values.map(() => '?').join(',')})${andSql ? ` AND ${andSql}` : ''}`,
      [...values],
    );
    const map = this.mapFor('');
    return rows.map((r) => map(r) as T);
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
