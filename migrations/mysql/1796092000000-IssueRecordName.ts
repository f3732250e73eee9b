import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IssueRecordName1796092000000 implements MigrationInterface {
  name = 'IssueRecordName1796092000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sync_issue\` ADD \`recordName\` varchar(255) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sync_issue\` DROP COLUMN \`recordName\``);
  }
}
