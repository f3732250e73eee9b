import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiTokenExpiry1796080000000 implements MigrationInterface {
  name = 'ApiTokenExpiry1796080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`api_token\` ADD \`expiresAt\` datetime NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`api_token\` DROP COLUMN \`expiresAt\``);
  }
}
