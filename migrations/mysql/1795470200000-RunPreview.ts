import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RunPreview1795470200000 implements MigrationInterface {
  name = 'RunPreview1795470200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sync_run\` ADD \`previewRunId\` int NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sync_run\` DROP COLUMN \`previewRunId\``);
  }
}
