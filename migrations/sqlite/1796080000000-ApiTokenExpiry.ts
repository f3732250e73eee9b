import type { MigrationInterface, QueryRunner } from 'typeorm';

// ADD COLUMN by hand: rebuilding api_token is not needed for a nullable column.
export class ApiTokenExpiry1796080000000 implements MigrationInterface {
  name = 'ApiTokenExpiry1796080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_token" ADD COLUMN "expiresAt" datetime`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_token" DROP COLUMN "expiresAt"`);
  }
}
