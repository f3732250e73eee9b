import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChangeRecordDistrict1795470000000 implements MigrationInterface {
  name = 'ChangeRecordDistrict1795470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sync_change\` ADD \`districtId\` int NULL`);
    await queryRunner.query(`UPDATE \`sync_change\` c JOIN \`sync_run\` r ON r.\`id\` = c.\`runId\` SET c.\`districtId\` = r.\`districtId\``);
    await queryRunner.query(`CREATE INDEX \`IDX_sync_change_district\` ON \`sync_change\` (\`districtId\`, \`id\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_sync_change_district\` ON \`sync_change\``);
    await queryRunner.query(`ALTER TABLE \`sync_change\` DROP COLUMN \`districtId\``);
  }
}
