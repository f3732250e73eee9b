import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RunDetailsWithoutForeignKeys1795464465175 implements MigrationInterface {
  name = 'RunDetailsWithoutForeignKeys1795464465175';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_sync_change_run_entity"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_sync_change" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "runId" integer NOT NULL, "entityType" varchar(16) NOT NULL, "entityId" integer, "sourceId" varchar(255), "action" varchar(10) NOT NULL, "before" text, "after" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_sync_change"("id", "runId", "entityType", "entityId", "sourceId", "action", "before", "after", "createdAt") SELECT "id", "runId", "entityType", "entityId", "sourceId", "action", "before", "after", "createdAt" FROM "sync_change"`,
    );
    await queryRunner.query(`DROP TABLE "sync_change"`);
    await queryRunner.query(`ALTER TABLE "temporary_sync_change" RENAME TO "sync_change"`);
    await queryRunner.query(`CREATE INDEX "IDX_sync_change_run_entity" ON "sync_change" ("runId", "entityType", "action") `);
    await queryRunner.query(`DROP INDEX "IDX_sync_issue_run_code"`);
    await queryRunner.query(`DROP INDEX "IDX_sync_issue_run_source"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_sync_issue" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "runId" integer NOT NULL, "severity" varchar(10) NOT NULL, "entityType" varchar(16) NOT NULL, "sourceId" varchar(255), "code" varchar(40) NOT NULL, "message" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_sync_issue"("id", "runId", "severity", "entityType", "sourceId", "code", "message", "createdAt") SELECT "id", "runId", "severity", "entityType", "sourceId", "code", "message", "createdAt" FROM "sync_issue"`,
    );
    await queryRunner.query(`DROP TABLE "sync_issue"`);
    await queryRunner.query(`ALTER TABLE "temporary_sync_issue" RENAME TO "sync_issue"`);
    await queryRunner.query(`CREATE INDEX "IDX_sync_issue_run_code" ON "sync_issue" ("runId", "code") `);
    await queryRunner.query(`CREATE INDEX "IDX_sync_issue_run_source" ON "sync_issue" ("runId", "sourceId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_sync_issue_run_source"`);
    await queryRunner.query(`DROP INDEX "IDX_sync_issue_run_code"`);
    await queryRunner.query(`ALTER TABLE "sync_issue" RENAME TO "temporary_sync_issue"`);
    await queryRunner.query(
      `CREATE TABLE "sync_issue" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "runId" integer NOT NULL, "severity" varchar(10) NOT NULL, "entityType" varchar(16) NOT NULL, "sourceId" varchar(255), "code" varchar(40) NOT NULL, "message" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_e14e582b52877d73bc6ba22f562" FOREIGN KEY ("runId") REFERENCES "sync_run" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "sync_issue"("id", "runId", "severity", "entityType", "sourceId", "code", "message", "createdAt") SELECT "id", "runId", "severity", "entityType", "sourceId", "code", "message", "createdAt" FROM "temporary_sync_issue"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_sync_issue"`);
    await queryRunner.query(`CREATE INDEX "IDX_sync_issue_run_source" ON "sync_issue" ("runId", "sourceId") `);
    await queryRunner.query(`CREATE INDEX "IDX_sync_issue_run_code" ON "sync_issue" ("runId", "code") `);
    await queryRunner.query(`DROP INDEX "IDX_sync_change_run_entity"`);
    await queryRunner.query(`ALTER TABLE "sync_change" RENAME TO "temporary_sync_change"`);
    await queryRunner.query(
      `CREATE TABLE "sync_change" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "runId" integer NOT NULL, "entityType" varchar(16) NOT NULL, "entityId" integer, "sourceId" varchar(255), "action" varchar(10) NOT NULL, "before" text, "after" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_95fefb7c271935333f1ab081179" FOREIGN KEY ("runId") REFERENCES "sync_run" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "sync_change"("id", "runId", "entityType", "entityId", "sourceId", "action", "before", "after", "createdAt") SELECT "id", "runId", "entityType", "entityId", "sourceId", "action", "before", "after", "createdAt" FROM "temporary_sync_change"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_sync_change"`);
    await queryRunner.query(`CREATE INDEX "IDX_sync_change_run_entity" ON "sync_change" ("runId", "entityType", "action") `);
  }
}
