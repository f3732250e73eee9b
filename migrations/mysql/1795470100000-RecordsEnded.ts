import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordsEnded1795470100000 implements MigrationInterface {
  name = 'RecordsEnded1795470100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`school\` ADD \`endedAt\` datetime NULL, ADD \`endedByRunId\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`term\` ADD \`endedAt\` datetime NULL, ADD \`endedByRunId\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`course\` ADD \`endedAt\` datetime NULL, ADD \`endedByRunId\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`person\` ADD \`endedAt\` datetime NULL, ADD \`endedByRunId\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`section\` ADD \`endedAt\` datetime NULL, ADD \`endedByRunId\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`enrollment\` ADD \`endedAt\` datetime NULL, ADD \`endedByRunId\` int NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`school\` DROP COLUMN \`endedAt\`, DROP COLUMN \`endedByRunId\``);
    await queryRunner.query(`ALTER TABLE \`term\` DROP COLUMN \`endedAt\`, DROP COLUMN \`endedByRunId\``);
    await queryRunner.query(`ALTER TABLE \`course\` DROP COLUMN \`endedAt\`, DROP COLUMN \`endedByRunId\``);
    await queryRunner.query(`ALTER TABLE \`person\` DROP COLUMN \`endedAt\`, DROP COLUMN \`endedByRunId\``);
    await queryRunner.query(`ALTER TABLE \`section\` DROP COLUMN \`endedAt\`, DROP COLUMN \`endedByRunId\``);
    await queryRunner.query(`ALTER TABLE \`enrollment\` DROP COLUMN \`endedAt\`, DROP COLUMN \`endedByRunId\``);
  }
}
