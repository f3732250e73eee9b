import type { MigrationInterface, QueryRunner } from 'typeorm';

// Nothing to change: SQLite's default collation, BINARY, already compares source ids byte for
// byte. The MySQL migration of the same name gives MariaDB/MySQL the same behaviour; this one
// keeps the two migration lists in step.
export class BinarySourceIds1796068976972 implements MigrationInterface {
  name = 'BinarySourceIds1796068976972';

  async up(_queryRunner: QueryRunner): Promise<void> {
    // no-op
  }

  async down(_queryRunner: QueryRunner): Promise<void> {
    // no-op
  }
}
