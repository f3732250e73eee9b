import type { MigrationInterface, QueryRunner } from 'typeorm';

// Nothing to change: SQLite compares text byte for byte (BINARY) already. The MySQL migration
// of the same name gives the change record's entity type and action a byte collation; this one
// keeps the two migration lists in step.
export class ChangeRecordAsciiKeys1796093000000 implements MigrationInterface {
  name = 'ChangeRecordAsciiKeys1796093000000';

  async up(_queryRunner: QueryRunner): Promise<void> {
    // no-op
  }

  async down(_queryRunner: QueryRunner): Promise<void> {
    // no-op
  }
}
