import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: nullable columns are added in place; a rebuild would cascade into child tables.
export class RolloverContinuity1796091000000 implements MigrationInterface {
  name = 'RolloverContinuity1796091000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "district" ADD COLUMN "syncAsOf" date`);
    await queryRunner.query(`ALTER TABLE "section" ADD COLUMN "predecessorId" integer`);
    await queryRunner.query(`ALTER TABLE "section" ADD COLUMN "predecessorRule" varchar(20)`);
    await queryRunner.query(`CREATE INDEX "IDX_section_predecessor" ON "section" ("predecessorId")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_section_predecessor"`);
    await queryRunner.query(`ALTER TABLE "section" DROP COLUMN "predecessorRule"`);
    await queryRunner.query(`ALTER TABLE "section" DROP COLUMN "predecessorId"`);
    await queryRunner.query(`ALTER TABLE "district" DROP COLUMN "syncAsOf"`);
  }
}
