import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotifyProblemsOnly1795470300000 implements MigrationInterface {
  name = 'NotifyProblemsOnly1795470300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`district\` ADD \`notifyProblemsOnly\` text NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`district\` DROP COLUMN \`notifyProblemsOnly\``);
  }
}
