import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: TypeORM would rebuild sync_run through a temporary table, and dropping the
// old table cascades into its children while foreign keys are on. SQLite adds a nullable column in place.
export class RunPreview1795470200000 implements MigrationInterface {
  name = 'RunPreview1795470200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sync_run" ADD COLUMN "previewRunId" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sync_run" DROP COLUMN "previewRunId"`);
  }
}
