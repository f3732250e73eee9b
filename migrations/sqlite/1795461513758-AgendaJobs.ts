import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgendaJobs1795461513758 implements MigrationInterface {
  name = 'AgendaJobs1795461513758';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agenda_job" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(191) NOT NULL, "priority" integer NOT NULL DEFAULT (0), "type" varchar(10) NOT NULL DEFAULT ('normal'), "nextRunAt" bigint, "lockedAt" bigint, "lastRunAt" bigint, "lastFinishedAt" bigint, "failedAt" bigint, "failCount" integer, "failReason" text, "repeatInterval" varchar(255), "repeatTimezone" varchar(64), "repeatAt" varchar(255), "data" text, "disabled" boolean NOT NULL DEFAULT (0), "progress" double, "fork" boolean NOT NULL DEFAULT (0), "lastModifiedBy" varchar(255), "debounceStartedAt" bigint, "startDate" bigint, "endDate" bigint, "skipDays" varchar(32))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_agenda_job_next" ON "agenda_job" ("nextRunAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_agenda_job_name_locked" ON "agenda_job" ("name", "lockedAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_agenda_job_name_next" ON "agenda_job" ("name", "nextRunAt", "priority") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_agenda_job_name_next"`);
    await queryRunner.query(`DROP INDEX "IDX_agenda_job_name_locked"`);
    await queryRunner.query(`DROP INDEX "IDX_agenda_job_next"`);
    await queryRunner.query(`DROP TABLE "agenda_job"`);
  }
}
