import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RunHeartbeat1795463949526 implements MigrationInterface {
  name = 'RunHeartbeat1795463949526';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sync_run\` ADD \`heartbeatAt\` datetime NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sync_run\` DROP COLUMN \`heartbeatAt\``);
  }
}
