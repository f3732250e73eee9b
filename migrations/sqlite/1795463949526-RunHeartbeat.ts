import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: TypeORM would rebuild sync_run through a temporary table, and dropping the
// old table cascades into sync_change/sync_issue while foreign keys are on. SQLite adds and
// drops a nullable column in place.
export class RunHeartbeat1795463949526 implements MigrationInterface {
  name = 'RunHeartbeat1795463949526';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sync_run" ADD COLUMN "heartbeatAt" datetime`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sync_run" DROP COLUMN "heartbeatAt"`);
  }
}
