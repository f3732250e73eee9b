import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: rebuilding district through a temporary table would cascade-delete every
// roster row of every district. SQLite adds a nullable column in place.
export class NotifyProblemsOnly1795470300000 implements MigrationInterface {
  name = 'NotifyProblemsOnly1795470300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "district" ADD COLUMN "notifyProblemsOnly" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "district" DROP COLUMN "notifyProblemsOnly"`);
  }
}
