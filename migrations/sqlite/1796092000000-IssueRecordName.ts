import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: a nullable column is added in place (no table rebuild).
export class IssueRecordName1796092000000 implements MigrationInterface {
  name = 'IssueRecordName1796092000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sync_issue" ADD COLUMN "recordName" varchar(255)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sync_issue" DROP COLUMN "recordName"`);
  }
}
