import type { DataSource } from 'typeorm';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/**
 * What the entities need that the migrated database lacks: the queries TypeORM's
 * schema builder would run. Empty after a full migration when there is no drift.
 */
export async function pendingSchemaChanges(ds: DataSource): Promise<SchemaDiff> {
  const sql = await ds.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query).reverse(),
  };
}
