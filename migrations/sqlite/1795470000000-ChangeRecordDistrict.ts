import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: a nullable column is added in place (no table rebuild), then backfilled.
export class ChangeRecordDistrict1795470000000 implements MigrationInterface {
  name = 'ChangeRecordDistrict1795470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sync_change" ADD COLUMN "districtId" integer`);
    await queryRunner.query(`UPDATE "sync_change" SET "districtId" = (SELECT r."districtId" FROM "sync_run" r WHERE r."id" = "sync_change"."runId")`);
    await queryRunner.query(`CREATE INDEX "IDX_sync_change_district" ON "sync_change" ("districtId", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_sync_change_district"`);
    await queryRunner.query(`ALTER TABLE "sync_change" DROP COLUMN "districtId"`);
  }
}
