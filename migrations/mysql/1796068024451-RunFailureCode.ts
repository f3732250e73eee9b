import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RunFailureCode1796068024451 implements MigrationInterface {
  name = 'RunFailureCode1796068024451';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sync_run\` ADD \`failureCode\` varchar(32) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sync_run\` DROP COLUMN \`failureCode\``);
  }
}
