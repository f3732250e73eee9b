import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: nullable columns are added in place; a rebuild would cascade into child tables.
export class RecordsEnded1795470100000 implements MigrationInterface {
  name = 'RecordsEnded1795470100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "school" ADD COLUMN "endedAt" datetime`);
    await queryRunner.query(`ALTER TABLE "school" ADD COLUMN "endedByRunId" integer`);
    await queryRunner.query(`ALTER TABLE "term" ADD COLUMN "endedAt" datetime`);
    await queryRunner.query(`ALTER TABLE "term" ADD COLUMN "endedByRunId" integer`);
    await queryRunner.query(`ALTER TABLE "course" ADD COLUMN "endedAt" datetime`);
    await queryRunner.query(`ALTER TABLE "course" ADD COLUMN "endedByRunId" integer`);
    await queryRunner.query(`ALTER TABLE "person" ADD COLUMN "endedAt" datetime`);
    await queryRunner.query(`ALTER TABLE "person" ADD COLUMN "endedByRunId" integer`);
    await queryRunner.query(`ALTER TABLE "section" ADD COLUMN "endedAt" datetime`);
    await queryRunner.query(`ALTER TABLE "section" ADD COLUMN "endedByRunId" integer`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD COLUMN "endedAt" datetime`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD COLUMN "endedByRunId" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "school" DROP COLUMN "endedAt"`);
    await queryRunner.query(`ALTER TABLE "school" DROP COLUMN "endedByRunId"`);
    await queryRunner.query(`ALTER TABLE "term" DROP COLUMN "endedAt"`);
    await queryRunner.query(`ALTER TABLE "term" DROP COLUMN "endedByRunId"`);
    await queryRunner.query(`ALTER TABLE "course" DROP COLUMN "endedAt"`);
    await queryRunner.query(`ALTER TABLE "course" DROP COLUMN "endedByRunId"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "endedAt"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "endedByRunId"`);
    await queryRunner.query(`ALTER TABLE "section" DROP COLUMN "endedAt"`);
    await queryRunner.query(`ALTER TABLE "section" DROP COLUMN "endedByRunId"`);
    await queryRunner.query(`ALTER TABLE "enrollment" DROP COLUMN "endedAt"`);
    await queryRunner.query(`ALTER TABLE "enrollment" DROP COLUMN "endedByRunId"`);
  }
}
