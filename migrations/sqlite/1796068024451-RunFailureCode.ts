import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: SQLite adds a nullable column in place (a rebuild of sync_run would cascade).
export class RunFailureCode1796068024451 implements MigrationInterface {
  name = 'RunFailureCode1796068024451';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sync_run" ADD COLUMN "failureCode" varchar(32)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sync_run" DROP COLUMN "failureCode"`);
  }
}
