import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795461312055 implements MigrationInterface {
  name = 'Initial1795461312055';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "district" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(200) NOT NULL, "sourceKind" varchar(20) NOT NULL, "sourceConfigEncrypted" text NOT NULL, "timezone" varchar(64) NOT NULL DEFAULT ('America/New_York'), "schedule" varchar(100) NOT NULL DEFAULT ('0 2 * * *'), "syncEnabled" boolean NOT NULL DEFAULT (1), "syncExpiresAt" date, "schoolSelection" text, "notifyEmails" text, "resetDeleteThreshold" integer NOT NULL DEFAULT (10), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_district_name" ON "district" ("name") `);
    await queryRunner.query(
      `CREATE TABLE "course" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "number" varchar(64), "subject" varchar(128))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_course_district_source" ON "course" ("districtId", "sourceId") `);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "role" varchar(16) NOT NULL, "givenName" varchar(255) NOT NULL, "middleName" varchar(255), "familyName" varchar(255) NOT NULL, "email" varchar(255), "username" varchar(255), "sisId" varchar(64), "stateId" varchar(64), "grade" varchar(32))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_person_district_family" ON "person" ("districtId", "familyName") `);
    await queryRunner.query(`CREATE INDEX "IDX_person_district_email" ON "person" ("districtId", "email") `);
    await queryRunner.query(`CREATE INDEX "IDX_person_district_role" ON "person" ("districtId", "role") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_person_district_source" ON "person" ("districtId", "sourceId") `);
    await queryRunner.query(
      `CREATE TABLE "school" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "schoolNumber" varchar(64), "stateId" varchar(64), "ncesId" varchar(64), "lowGrade" varchar(32), "highGrade" varchar(32), "principal" varchar(255))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_school_name" ON "school" ("name") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_school_district_source" ON "school" ("districtId", "sourceId") `);
    await queryRunner.query(
      `CREATE TABLE "term" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "startDate" date, "endDate" date)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_term_district_source" ON "term" ("districtId", "sourceId") `);
    await queryRunner.query(
      `CREATE TABLE "section" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "schoolId" integer NOT NULL, "courseId" integer, "termId" integer, "name" varchar(255) NOT NULL, "sectionNumber" varchar(64), "period" varchar(32), "grade" varchar(32), "subject" varchar(128))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_section_course" ON "section" ("courseId") `);
    await queryRunner.query(`CREATE INDEX "IDX_section_term" ON "section" ("termId") `);
    await queryRunner.query(`CREATE INDEX "IDX_section_school" ON "section" ("schoolId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_section_district_source" ON "section" ("districtId", "sourceId") `);
    await queryRunner.query(
      `CREATE TABLE "enrollment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255), "sectionId" integer NOT NULL, "personId" integer NOT NULL, "role" varchar(16) NOT NULL, "primary" boolean NOT NULL DEFAULT (0), "beginDate" date, "endDate" date)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_enrollment_district" ON "enrollment" ("districtId") `);
    await queryRunner.query(`CREATE INDEX "IDX_enrollment_person" ON "enrollment" ("personId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_enrollment_section_person_role" ON "enrollment" ("sectionId", "personId", "role") `);
    await queryRunner.query(
      `CREATE TABLE "person_school" ("personId" integer NOT NULL, "schoolId" integer NOT NULL, "districtId" integer NOT NULL, PRIMARY KEY ("personId", "schoolId"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_person_school_school" ON "person_school" ("schoolId") `);
    await queryRunner.query(
      `CREATE TABLE "field_mapping" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "entityType" varchar(16) NOT NULL, "targetField" varchar(64) NOT NULL, "sourceField" varchar(128) NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_field_mapping_target" ON "field_mapping" ("districtId", "entityType", "targetField") `);
    await queryRunner.query(
      `CREATE TABLE "sync_run" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "activeDistrictId" integer, "mode" varchar(10) NOT NULL, "dryRun" boolean NOT NULL DEFAULT (0), "trigger" varchar(12) NOT NULL, "requestedBy" varchar(255), "status" varchar(12) NOT NULL, "phase" varchar(12), "asOf" date, "overrideThreshold" boolean NOT NULL DEFAULT (0), "revertOfRunId" integer, "counts" text, "issueCounts" text, "progress" text, "cancelRequested" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "startedAt" datetime, "finishedAt" datetime, "error" text)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_sync_run_active_district" ON "sync_run" ("activeDistrictId") `);
    await queryRunner.query(`CREATE INDEX "IDX_sync_run_status" ON "sync_run" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_sync_run_district_created" ON "sync_run" ("districtId", "createdAt") `);
    await queryRunner.query(
      `CREATE TABLE "sync_change" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "runId" integer NOT NULL, "entityType" varchar(16) NOT NULL, "entityId" integer, "sourceId" varchar(255), "action" varchar(10) NOT NULL, "before" text, "after" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_sync_change_run_entity" ON "sync_change" ("runId", "entityType", "action") `);
    await queryRunner.query(
      `CREATE TABLE "sync_issue" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "runId" integer NOT NULL, "severity" varchar(10) NOT NULL, "entityType" varchar(16) NOT NULL, "sourceId" varchar(255), "code" varchar(40) NOT NULL, "message" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_sync_issue_run_source" ON "sync_issue" ("runId", "sourceId") `);
    await queryRunner.query(`CREATE INDEX "IDX_sync_issue_run_code" ON "sync_issue" ("runId", "code") `);
    await queryRunner.query(`DROP INDEX "UQ_course_district_source"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_course" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "number" varchar(64), "subject" varchar(128), CONSTRAINT "FK_9829a90225b496361581eef2b7c" FOREIGN KEY ("districtId") REFERENCES "district" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_course"("id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "name", "number", "subject") SELECT "id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "name", "number", "subject" FROM "course"`,
    );
    await queryRunner.query(`DROP TABLE "course"`);
    await queryRunner.query(`ALTER TABLE "temporary_course" RENAME TO "course"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_course_district_source" ON "course" ("districtId", "sourceId") `);
    await queryRunner.query(`DROP INDEX "IDX_person_district_family"`);
    await queryRunner.query(`DROP INDEX "IDX_person_district_email"`);
    await queryRunner.query(`DROP INDEX "IDX_person_district_role"`);
    await queryRunner.query(`DROP INDEX "UQ_person_district_source"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_person" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "role" varchar(16) NOT NULL, "givenName" varchar(255) NOT NULL, "middleName" varchar(255), "familyName" varchar(255) NOT NULL, "email" varchar(255), "username" varchar(255), "sisId" varchar(64), "stateId" varchar(64), "grade" varchar(32), CONSTRAINT "FK_b84e530ba9e2189f8c4feaf3686" FOREIGN KEY ("districtId") REFERENCES "district" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_person"("id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "role", "givenName", "middleName", "familyName", "email", "username", "sisId", "stateId", "grade") SELECT "id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "role", "givenName", "middleName", "familyName", "email", "username", "sisId", "stateId", "grade" FROM "person"`,
    );
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`ALTER TABLE "temporary_person" RENAME TO "person"`);
    await queryRunner.query(`CREATE INDEX "IDX_person_district_family" ON "person" ("districtId", "familyName") `);
    await queryRunner.query(`CREATE INDEX "IDX_person_district_email" ON "person" ("districtId", "email") `);
    await queryRunner.query(`CREATE INDEX "IDX_person_district_role" ON "person" ("districtId", "role") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_person_district_source" ON "person" ("districtId", "sourceId") `);
    await queryRunner.query(`DROP INDEX "IDX_school_name"`);
    await queryRunner.query(`DROP INDEX "UQ_school_district_source"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_school" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "schoolNumber" varchar(64), "stateId" varchar(64), "ncesId" varchar(64), "lowGrade" varchar(32), "highGrade" varchar(32), "principal" varchar(255), CONSTRAINT "FK_f3890f0dbf165462d778f7fd4c6" FOREIGN KEY ("districtId") REFERENCES "district" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_school"("id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "name", "schoolNumber", "stateId", "ncesId", "lowGrade", "highGrade", "principal") SELECT "id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "name", "schoolNumber", "stateId", "ncesId", "lowGrade", "highGrade", "principal" FROM "school"`,
    );
    await queryRunner.query(`DROP TABLE "school"`);
    await queryRunner.query(`ALTER TABLE "temporary_school" RENAME TO "school"`);
    await queryRunner.query(`CREATE INDEX "IDX_school_name" ON "school" ("name") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_school_district_source" ON "school" ("districtId", "sourceId") `);
    await queryRunner.query(`DROP INDEX "UQ_term_district_source"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_term" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "startDate" date, "endDate" date, CONSTRAINT "FK_3ac4b5eed3613d1033710d645c7" FOREIGN KEY ("districtId") REFERENCES "district" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_term"("id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "name", "startDate", "endDate") SELECT "id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "name", "startDate", "endDate" FROM "term"`,
    );
    await queryRunner.query(`DROP TABLE "term"`);
    await queryRunner.query(`ALTER TABLE "temporary_term" RENAME TO "term"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_term_district_source" ON "term" ("districtId", "sourceId") `);
    await queryRunner.query(`DROP INDEX "IDX_section_course"`);
    await queryRunner.query(`DROP INDEX "IDX_section_term"`);
    await queryRunner.query(`DROP INDEX "IDX_section_school"`);
    await queryRunner.query(`DROP INDEX "UQ_section_district_source"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_section" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "schoolId" integer NOT NULL, "courseId" integer, "termId" integer, "name" varchar(255) NOT NULL, "sectionNumber" varchar(64), "period" varchar(32), "grade" varchar(32), "subject" varchar(128), CONSTRAINT "FK_aaacc008af62bd56ebabb578f7a" FOREIGN KEY ("districtId") REFERENCES "district" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_65d87de17a95f063097c9bdf1ee" FOREIGN KEY ("schoolId") REFERENCES "school" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_c61e35b7deed3caab17e821144a" FOREIGN KEY ("courseId") REFERENCES "course" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_d27089a1a18b060a6a6c95df0b8" FOREIGN KEY ("termId") REFERENCES "term" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_section"("id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "schoolId", "courseId", "termId", "name", "sectionNumber", "period", "grade", "subject") SELECT "id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "schoolId", "courseId", "termId", "name", "sectionNumber", "period", "grade", "subject" FROM "section"`,
    );
    await queryRunner.query(`DROP TABLE "section"`);
    await queryRunner.query(`ALTER TABLE "temporary_section" RENAME TO "section"`);
    await queryRunner.query(`CREATE INDEX "IDX_section_course" ON "section" ("courseId") `);
    await queryRunner.query(`CREATE INDEX "IDX_section_term" ON "section" ("termId") `);
    await queryRunner.query(`CREATE INDEX "IDX_section_school" ON "section" ("schoolId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_section_district_source" ON "section" ("districtId", "sourceId") `);
    await queryRunner.query(`DROP INDEX "IDX_enrollment_district"`);
    await queryRunner.query(`DROP INDEX "IDX_enrollment_person"`);
    await queryRunner.query(`DROP INDEX "UQ_enrollment_section_person_role"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_enrollment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255), "sectionId" integer NOT NULL, "personId" integer NOT NULL, "role" varchar(16) NOT NULL, "primary" boolean NOT NULL DEFAULT (0), "beginDate" date, "endDate" date, CONSTRAINT "FK_d3fd3b9f114ed0c54eb607e33b3" FOREIGN KEY ("sectionId") REFERENCES "section" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_167ec5d0aaad4b3908bbfeb2789" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_enrollment"("id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "sectionId", "personId", "role", "primary", "beginDate", "endDate") SELECT "id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "sectionId", "personId", "role", "primary", "beginDate", "endDate" FROM "enrollment"`,
    );
    await queryRunner.query(`DROP TABLE "enrollment"`);
    await queryRunner.query(`ALTER TABLE "temporary_enrollment" RENAME TO "enrollment"`);
    await queryRunner.query(`CREATE INDEX "IDX_enrollment_district" ON "enrollment" ("districtId") `);
    await queryRunner.query(`CREATE INDEX "IDX_enrollment_person" ON "enrollment" ("personId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_enrollment_section_person_role" ON "enrollment" ("sectionId", "personId", "role") `);
    await queryRunner.query(`DROP INDEX "IDX_person_school_school"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_person_school" ("personId" integer NOT NULL, "schoolId" integer NOT NULL, "districtId" integer NOT NULL, CONSTRAINT "FK_884fe489c39f1e1d7595d5dc631" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0395f1f1fe3393ecad3365f79b0" FOREIGN KEY ("schoolId") REFERENCES "school" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("personId", "schoolId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_person_school"("personId", "schoolId", "districtId") SELECT "personId", "schoolId", "districtId" FROM "person_school"`,
    );
    await queryRunner.query(`DROP TABLE "person_school"`);
    await queryRunner.query(`ALTER TABLE "temporary_person_school" RENAME TO "person_school"`);
    await queryRunner.query(`CREATE INDEX "IDX_person_school_school" ON "person_school" ("schoolId") `);
    await queryRunner.query(`DROP INDEX "UQ_field_mapping_target"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_field_mapping" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "entityType" varchar(16) NOT NULL, "targetField" varchar(64) NOT NULL, "sourceField" varchar(128) NOT NULL, CONSTRAINT "FK_e6d7739a0cdd05e7405b6ac6c7d" FOREIGN KEY ("districtId") REFERENCES "district" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_field_mapping"("id", "districtId", "entityType", "targetField", "sourceField") SELECT "id", "districtId", "entityType", "targetField", "sourceField" FROM "field_mapping"`,
    );
    await queryRunner.query(`DROP TABLE "field_mapping"`);
    await queryRunner.query(`ALTER TABLE "temporary_field_mapping" RENAME TO "field_mapping"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_field_mapping_target" ON "field_mapping" ("districtId", "entityType", "targetField") `);
    await queryRunner.query(`DROP INDEX "UQ_sync_run_active_district"`);
    await queryRunner.query(`DROP INDEX "IDX_sync_run_status"`);
    await queryRunner.query(`DROP INDEX "IDX_sync_run_district_created"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_sync_run" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "activeDistrictId" integer, "mode" varchar(10) NOT NULL, "dryRun" boolean NOT NULL DEFAULT (0), "trigger" varchar(12) NOT NULL, "requestedBy" varchar(255), "status" varchar(12) NOT NULL, "phase" varchar(12), "asOf" date, "overrideThreshold" boolean NOT NULL DEFAULT (0), "revertOfRunId" integer, "counts" text, "issueCounts" text, "progress" text, "cancelRequested" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "startedAt" datetime, "finishedAt" datetime, "error" text, CONSTRAINT "FK_e6b37f66f587ebc27cbaeca46d9" FOREIGN KEY ("districtId") REFERENCES "district" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_sync_run"("id", "districtId", "activeDistrictId", "mode", "dryRun", "trigger", "requestedBy", "status", "phase", "asOf", "overrideThreshold", "revertOfRunId", "counts", "issueCounts", "progress", "cancelRequested", "createdAt", "startedAt", "finishedAt", "error") SELECT "id", "districtId", "activeDistrictId", "mode", "dryRun", "trigger", "requestedBy", "status", "phase", "asOf", "overrideThreshold", "revertOfRunId", "counts", "issueCounts", "progress", "cancelRequested", "createdAt", "startedAt", "finishedAt", "error" FROM "sync_run"`,
    );
    await queryRunner.query(`DROP TABLE "sync_run"`);
    await queryRunner.query(`ALTER TABLE "temporary_sync_run" RENAME TO "sync_run"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_sync_run_active_district" ON "sync_run" ("activeDistrictId") `);
    await queryRunner.query(`CREATE INDEX "IDX_sync_run_status" ON "sync_run" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_sync_run_district_created" ON "sync_run" ("districtId", "createdAt") `);
    await queryRunner.query(`DROP INDEX "IDX_sync_change_run_entity"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_sync_change" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "runId" integer NOT NULL, "entityType" varchar(16) NOT NULL, "entityId" integer, "sourceId" varchar(255), "action" varchar(10) NOT NULL, "before" text, "after" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_95fefb7c271935333f1ab081179" FOREIGN KEY ("runId") REFERENCES "sync_run" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_sync_change"("id", "runId", "entityType", "entityId", "sourceId", "action", "before", "after", "createdAt") SELECT "id", "runId", "entityType", "entityId", "sourceId", "action", "before", "after", "createdAt" FROM "sync_change"`,
    );
    await queryRunner.query(`DROP TABLE "sync_change"`);
    await queryRunner.query(`ALTER TABLE "temporary_sync_change" RENAME TO "sync_change"`);
    await queryRunner.query(`CREATE INDEX "IDX_sync_change_run_entity" ON "sync_change" ("runId", "entityType", "action") `);
    await queryRunner.query(`DROP INDEX "IDX_sync_issue_run_source"`);
    await queryRunner.query(`DROP INDEX "IDX_sync_issue_run_code"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_sync_issue" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "runId" integer NOT NULL, "severity" varchar(10) NOT NULL, "entityType" varchar(16) NOT NULL, "sourceId" varchar(255), "code" varchar(40) NOT NULL, "message" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_e14e582b52877d73bc6ba22f562" FOREIGN KEY ("runId") REFERENCES "sync_run" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_sync_issue"("id", "runId", "severity", "entityType", "sourceId", "code", "message", "createdAt") SELECT "id", "runId", "severity", "entityType", "sourceId", "code", "message", "createdAt" FROM "sync_issue"`,
    );
    await queryRunner.query(`DROP TABLE "sync_issue"`);
    await queryRunner.query(`ALTER TABLE "temporary_sync_issue" RENAME TO "sync_issue"`);
    await queryRunner.query(`CREATE INDEX "IDX_sync_issue_run_source" ON "sync_issue" ("runId", "sourceId") `);
    await queryRunner.query(`CREATE INDEX "IDX_sync_issue_run_code" ON "sync_issue" ("runId", "code") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_sync_issue_run_code"`);
    await queryRunner.query(`DROP INDEX "IDX_sync_issue_run_source"`);
    await queryRunner.query(`ALTER TABLE "sync_issue" RENAME TO "temporary_sync_issue"`);
    await queryRunner.query(
      `CREATE TABLE "sync_issue" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "runId" integer NOT NULL, "severity" varchar(10) NOT NULL, "entityType" varchar(16) NOT NULL, "sourceId" varchar(255), "code" varchar(40) NOT NULL, "message" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "sync_issue"("id", "runId", "severity", "entityType", "sourceId", "code", "message", "createdAt") SELECT "id", "runId", "severity", "entityType", "sourceId", "code", "message", "createdAt" FROM "temporary_sync_issue"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_sync_issue"`);
    await queryRunner.query(`CREATE INDEX "IDX_sync_issue_run_code" ON "sync_issue" ("runId", "code") `);
    await queryRunner.query(`CREATE INDEX "IDX_sync_issue_run_source" ON "sync_issue" ("runId", "sourceId") `);
    await queryRunner.query(`DROP INDEX "IDX_sync_change_run_entity"`);
    await queryRunner.query(`ALTER TABLE "sync_change" RENAME TO "temporary_sync_change"`);
    await queryRunner.query(
      `CREATE TABLE "sync_change" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "runId" integer NOT NULL, "entityType" varchar(16) NOT NULL, "entityId" integer, "sourceId" varchar(255), "action" varchar(10) NOT NULL, "before" text, "after" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "sync_change"("id", "runId", "entityType", "entityId", "sourceId", "action", "before", "after", "createdAt") SELECT "id", "runId", "entityType", "entityId", "sourceId", "action", "before", "after", "createdAt" FROM "temporary_sync_change"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_sync_change"`);
    await queryRunner.query(`CREATE INDEX "IDX_sync_change_run_entity" ON "sync_change" ("runId", "entityType", "action") `);
    await queryRunner.query(`DROP INDEX "IDX_sync_run_district_created"`);
    await queryRunner.query(`DROP INDEX "IDX_sync_run_status"`);
    await queryRunner.query(`DROP INDEX "UQ_sync_run_active_district"`);
    await queryRunner.query(`ALTER TABLE "sync_run" RENAME TO "temporary_sync_run"`);
    await queryRunner.query(
      `CREATE TABLE "sync_run" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "activeDistrictId" integer, "mode" varchar(10) NOT NULL, "dryRun" boolean NOT NULL DEFAULT (0), "trigger" varchar(12) NOT NULL, "requestedBy" varchar(255), "status" varchar(12) NOT NULL, "phase" varchar(12), "asOf" date, "overrideThreshold" boolean NOT NULL DEFAULT (0), "revertOfRunId" integer, "counts" text, "issueCounts" text, "progress" text, "cancelRequested" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "startedAt" datetime, "finishedAt" datetime, "error" text)`,
    );
    await queryRunner.query(
      `INSERT INTO "sync_run"("id", "districtId", "activeDistrictId", "mode", "dryRun", "trigger", "requestedBy", "status", "phase", "asOf", "overrideThreshold", "revertOfRunId", "counts", "issueCounts", "progress", "cancelRequested", "createdAt", "startedAt", "finishedAt", "error") SELECT "id", "districtId", "activeDistrictId", "mode", "dryRun", "trigger", "requestedBy", "status", "phase", "asOf", "overrideThreshold", "revertOfRunId", "counts", "issueCounts", "progress", "cancelRequested", "createdAt", "startedAt", "finishedAt", "error" FROM "temporary_sync_run"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_sync_run"`);
    await queryRunner.query(`CREATE INDEX "IDX_sync_run_district_created" ON "sync_run" ("districtId", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_sync_run_status" ON "sync_run" ("status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_sync_run_active_district" ON "sync_run" ("activeDistrictId") `);
    await queryRunner.query(`DROP INDEX "UQ_field_mapping_target"`);
    await queryRunner.query(`ALTER TABLE "field_mapping" RENAME TO "temporary_field_mapping"`);
    await queryRunner.query(
      `CREATE TABLE "field_mapping" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "entityType" varchar(16) NOT NULL, "targetField" varchar(64) NOT NULL, "sourceField" varchar(128) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "field_mapping"("id", "districtId", "entityType", "targetField", "sourceField") SELECT "id", "districtId", "entityType", "targetField", "sourceField" FROM "temporary_field_mapping"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_field_mapping"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_field_mapping_target" ON "field_mapping" ("districtId", "entityType", "targetField") `);
    await queryRunner.query(`DROP INDEX "IDX_person_school_school"`);
    await queryRunner.query(`ALTER TABLE "person_school" RENAME TO "temporary_person_school"`);
    await queryRunner.query(
      `CREATE TABLE "person_school" ("personId" integer NOT NULL, "schoolId" integer NOT NULL, "districtId" integer NOT NULL, PRIMARY KEY ("personId", "schoolId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "person_school"("personId", "schoolId", "districtId") SELECT "personId", "schoolId", "districtId" FROM "temporary_person_school"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_person_school"`);
    await queryRunner.query(`CREATE INDEX "IDX_person_school_school" ON "person_school" ("schoolId") `);
    await queryRunner.query(`DROP INDEX "UQ_enrollment_section_person_role"`);
    await queryRunner.query(`DROP INDEX "IDX_enrollment_person"`);
    await queryRunner.query(`DROP INDEX "IDX_enrollment_district"`);
    await queryRunner.query(`ALTER TABLE "enrollment" RENAME TO "temporary_enrollment"`);
    await queryRunner.query(
      `CREATE TABLE "enrollment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255), "sectionId" integer NOT NULL, "personId" integer NOT NULL, "role" varchar(16) NOT NULL, "primary" boolean NOT NULL DEFAULT (0), "beginDate" date, "endDate" date)`,
    );
    await queryRunner.query(
      `INSERT INTO "enrollment"("id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "sectionId", "personId", "role", "primary", "beginDate", "endDate") SELECT "id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "sectionId", "personId", "role", "primary", "beginDate", "endDate" FROM "temporary_enrollment"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_enrollment"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_enrollment_section_person_role" ON "enrollment" ("sectionId", "personId", "role") `);
    await queryRunner.query(`CREATE INDEX "IDX_enrollment_person" ON "enrollment" ("personId") `);
    await queryRunner.query(`CREATE INDEX "IDX_enrollment_district" ON "enrollment" ("districtId") `);
    await queryRunner.query(`DROP INDEX "UQ_section_district_source"`);
    await queryRunner.query(`DROP INDEX "IDX_section_school"`);
    await queryRunner.query(`DROP INDEX "IDX_section_term"`);
    await queryRunner.query(`DROP INDEX "IDX_section_course"`);
    await queryRunner.query(`ALTER TABLE "section" RENAME TO "temporary_section"`);
    await queryRunner.query(
      `CREATE TABLE "section" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "schoolId" integer NOT NULL, "courseId" integer, "termId" integer, "name" varchar(255) NOT NULL, "sectionNumber" varchar(64), "period" varchar(32), "grade" varchar(32), "subject" varchar(128))`,
    );
    await queryRunner.query(
      `INSERT INTO "section"("id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "schoolId", "courseId", "termId", "name", "sectionNumber", "period", "grade", "subject") SELECT "id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "schoolId", "courseId", "termId", "name", "sectionNumber", "period", "grade", "subject" FROM "temporary_section"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_section"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_section_district_source" ON "section" ("districtId", "sourceId") `);
    await queryRunner.query(`CREATE INDEX "IDX_section_school" ON "section" ("schoolId") `);
    await queryRunner.query(`CREATE INDEX "IDX_section_term" ON "section" ("termId") `);
    await queryRunner.query(`CREATE INDEX "IDX_section_course" ON "section" ("courseId") `);
    await queryRunner.query(`DROP INDEX "UQ_term_district_source"`);
    await queryRunner.query(`ALTER TABLE "term" RENAME TO "temporary_term"`);
    await queryRunner.query(
      `CREATE TABLE "term" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "startDate" date, "endDate" date)`,
    );
    await queryRunner.query(
      `INSERT INTO "term"("id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "name", "startDate", "endDate") SELECT "id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "name", "startDate", "endDate" FROM "temporary_term"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_term"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_term_district_source" ON "term" ("districtId", "sourceId") `);
    await queryRunner.query(`DROP INDEX "UQ_school_district_source"`);
    await queryRunner.query(`DROP INDEX "IDX_school_name"`);
    await queryRunner.query(`ALTER TABLE "school" RENAME TO "temporary_school"`);
    await queryRunner.query(
      `CREATE TABLE "school" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "schoolNumber" varchar(64), "stateId" varchar(64), "ncesId" varchar(64), "lowGrade" varchar(32), "highGrade" varchar(32), "principal" varchar(255))`,
    );
    await queryRunner.query(
      `INSERT INTO "school"("id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "name", "schoolNumber", "stateId", "ncesId", "lowGrade", "highGrade", "principal") SELECT "id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "name", "schoolNumber", "stateId", "ncesId", "lowGrade", "highGrade", "principal" FROM "temporary_school"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_school"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_school_district_source" ON "school" ("districtId", "sourceId") `);
    await queryRunner.query(`CREATE INDEX "IDX_school_name" ON "school" ("name") `);
    await queryRunner.query(`DROP INDEX "UQ_person_district_source"`);
    await queryRunner.query(`DROP INDEX "IDX_person_district_role"`);
    await queryRunner.query(`DROP INDEX "IDX_person_district_email"`);
    await queryRunner.query(`DROP INDEX "IDX_person_district_family"`);
    await queryRunner.query(`ALTER TABLE "person" RENAME TO "temporary_person"`);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "role" varchar(16) NOT NULL, "givenName" varchar(255) NOT NULL, "middleName" varchar(255), "familyName" varchar(255) NOT NULL, "email" varchar(255), "username" varchar(255), "sisId" varchar(64), "stateId" varchar(64), "grade" varchar(32))`,
    );
    await queryRunner.query(
      `INSERT INTO "person"("id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "role", "givenName", "middleName", "familyName", "email", "username", "sisId", "stateId", "grade") SELECT "id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "role", "givenName", "middleName", "familyName", "email", "username", "sisId", "stateId", "grade" FROM "temporary_person"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_person"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_person_district_source" ON "person" ("districtId", "sourceId") `);
    await queryRunner.query(`CREATE INDEX "IDX_person_district_role" ON "person" ("districtId", "role") `);
    await queryRunner.query(`CREATE INDEX "IDX_person_district_email" ON "person" ("districtId", "email") `);
    await queryRunner.query(`CREATE INDEX "IDX_person_district_family" ON "person" ("districtId", "familyName") `);
    await queryRunner.query(`DROP INDEX "UQ_course_district_source"`);
    await queryRunner.query(`ALTER TABLE "course" RENAME TO "temporary_course"`);
    await queryRunner.query(
      `CREATE TABLE "course" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "createdByRunId" integer, "updatedByRunId" integer, "lastSeenRunId" integer, "deletedAt" datetime, "deletedByRunId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourceId" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "number" varchar(64), "subject" varchar(128))`,
    );
    await queryRunner.query(
      `INSERT INTO "course"("id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "name", "number", "subject") SELECT "id", "districtId", "createdByRunId", "updatedByRunId", "lastSeenRunId", "deletedAt", "deletedByRunId", "createdAt", "updatedAt", "sourceId", "name", "number", "subject" FROM "temporary_course"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_course"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_course_district_source" ON "course" ("districtId", "sourceId") `);
    await queryRunner.query(`DROP INDEX "IDX_sync_issue_run_code"`);
    await queryRunner.query(`DROP INDEX "IDX_sync_issue_run_source"`);
    await queryRunner.query(`DROP TABLE "sync_issue"`);
    await queryRunner.query(`DROP INDEX "IDX_sync_change_run_entity"`);
    await queryRunner.query(`DROP TABLE "sync_change"`);
    await queryRunner.query(`DROP INDEX "IDX_sync_run_district_created"`);
    await queryRunner.query(`DROP INDEX "IDX_sync_run_status"`);
    await queryRunner.query(`DROP INDEX "UQ_sync_run_active_district"`);
    await queryRunner.query(`DROP TABLE "sync_run"`);
    await queryRunner.query(`DROP INDEX "UQ_field_mapping_target"`);
    await queryRunner.query(`DROP TABLE "field_mapping"`);
    await queryRunner.query(`DROP INDEX "IDX_person_school_school"`);
    await queryRunner.query(`DROP TABLE "person_school"`);
    await queryRunner.query(`DROP INDEX "UQ_enrollment_section_person_role"`);
    await queryRunner.query(`DROP INDEX "IDX_enrollment_person"`);
    await queryRunner.query(`DROP INDEX "IDX_enrollment_district"`);
    await queryRunner.query(`DROP TABLE "enrollment"`);
    await queryRunner.query(`DROP INDEX "UQ_section_district_source"`);
    await queryRunner.query(`DROP INDEX "IDX_section_school"`);
    await queryRunner.query(`DROP INDEX "IDX_section_term"`);
    await queryRunner.query(`DROP INDEX "IDX_section_course"`);
    await queryRunner.query(`DROP TABLE "section"`);
    await queryRunner.query(`DROP INDEX "UQ_term_district_source"`);
    await queryRunner.query(`DROP TABLE "term"`);
    await queryRunner.query(`DROP INDEX "UQ_school_district_source"`);
    await queryRunner.query(`DROP INDEX "IDX_school_name"`);
    await queryRunner.query(`DROP TABLE "school"`);
    await queryRunner.query(`DROP INDEX "UQ_person_district_source"`);
    await queryRunner.query(`DROP INDEX "IDX_person_district_role"`);
    await queryRunner.query(`DROP INDEX "IDX_person_district_email"`);
    await queryRunner.query(`DROP INDEX "IDX_person_district_family"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "UQ_course_district_source"`);
    await queryRunner.query(`DROP TABLE "course"`);
    await queryRunner.query(`DROP INDEX "IDX_district_name"`);
    await queryRunner.query(`DROP TABLE "district"`);
  }
}
