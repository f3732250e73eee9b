import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795461312055 implements MigrationInterface {
  name = 'Initial1795461312055';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`district\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(200) NOT NULL, \`sourceKind\` varchar(20) NOT NULL, \`sourceConfigEncrypted\` text NOT NULL, \`timezone\` varchar(64) NOT NULL DEFAULT 'America/New_York', \`schedule\` varchar(100) NOT NULL DEFAULT '0 2 * * *', \`syncEnabled\` tinyint NOT NULL DEFAULT 1, \`syncExpiresAt\` date NULL, \`schoolSelection\` text NULL, \`notifyEmails\` text NULL, \`resetDeleteThreshold\` int NOT NULL DEFAULT '10', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_district_name\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`course\` (\`id\` int NOT NULL AUTO_INCREMENT, \`districtId\` int NOT NULL, \`createdByRunId\` int NULL, \`updatedByRunId\` int NULL, \`lastSeenRunId\` int NULL, \`deletedAt\` datetime NULL, \`deletedByRunId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`sourceId\` varchar(255) NOT NULL, \`name\` varchar(255) NOT NULL, \`number\` varchar(64) NULL, \`subject\` varchar(128) NULL, UNIQUE INDEX \`UQ_course_district_source\` (\`districtId\`, \`sourceId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`person\` (\`id\` int NOT NULL AUTO_INCREMENT, \`districtId\` int NOT NULL, \`createdByRunId\` int NULL, \`updatedByRunId\` int NULL, \`lastSeenRunId\` int NULL, \`deletedAt\` datetime NULL, \`deletedByRunId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`sourceId\` varchar(255) NOT NULL, \`role\` varchar(16) NOT NULL, \`givenName\` varchar(255) NOT NULL, \`middleName\` varchar(255) NULL, \`familyName\` varchar(255) NOT NULL, \`email\` varchar(255) NULL, \`username\` varchar(255) NULL, \`sisId\` varchar(64) NULL, \`stateId\` varchar(64) NULL, \`grade\` varchar(32) NULL, INDEX \`IDX_person_district_family\` (\`districtId\`, \`familyName\`), INDEX \`IDX_person_district_email\` (\`districtId\`, \`email\`), INDEX \`IDX_person_district_role\` (\`districtId\`, \`role\`), UNIQUE INDEX \`UQ_person_district_source\` (\`districtId\`, \`sourceId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`school\` (\`id\` int NOT NULL AUTO_INCREMENT, \`districtId\` int NOT NULL, \`createdByRunId\` int NULL, \`updatedByRunId\` int NULL, \`lastSeenRunId\` int NULL, \`deletedAt\` datetime NULL, \`deletedByRunId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`sourceId\` varchar(255) NOT NULL, \`name\` varchar(255) NOT NULL, \`schoolNumber\` varchar(64) NULL, \`stateId\` varchar(64) NULL, \`ncesId\` varchar(64) NULL, \`lowGrade\` varchar(32) NULL, \`highGrade\` varchar(32) NULL, \`principal\` varchar(255) NULL, INDEX \`IDX_school_name\` (\`name\`), UNIQUE INDEX \`UQ_school_district_source\` (\`districtId\`, \`sourceId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`term\` (\`id\` int NOT NULL AUTO_INCREMENT, \`districtId\` int NOT NULL, \`createdByRunId\` int NULL, \`updatedByRunId\` int NULL, \`lastSeenRunId\` int NULL, \`deletedAt\` datetime NULL, \`deletedByRunId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`sourceId\` varchar(255) NOT NULL, \`name\` varchar(255) NOT NULL, \`startDate\` date NULL, \`endDate\` date NULL, UNIQUE INDEX \`UQ_term_district_source\` (\`districtId\`, \`sourceId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`section\` (\`id\` int NOT NULL AUTO_INCREMENT, \`districtId\` int NOT NULL, \`createdByRunId\` int NULL, \`updatedByRunId\` int NULL, \`lastSeenRunId\` int NULL, \`deletedAt\` datetime NULL, \`deletedByRunId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`sourceId\` varchar(255) NOT NULL, \`schoolId\` int NOT NULL, \`courseId\` int NULL, \`termId\` int NULL, \`name\` varchar(255) NOT NULL, \`sectionNumber\` varchar(64) NULL, \`period\` varchar(32) NULL, \`grade\` varchar(32) NULL, \`subject\` varchar(128) NULL, INDEX \`IDX_section_course\` (\`courseId\`), INDEX \`IDX_section_term\` (\`termId\`), INDEX \`IDX_section_school\` (\`schoolId\`), UNIQUE INDEX \`UQ_section_district_source\` (\`districtId\`, \`sourceId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`enrollment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`districtId\` int NOT NULL, \`createdByRunId\` int NULL, \`updatedByRunId\` int NULL, \`lastSeenRunId\` int NULL, \`deletedAt\` datetime NULL, \`deletedByRunId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`sourceId\` varchar(255) NULL, \`sectionId\` int NOT NULL, \`personId\` int NOT NULL, \`role\` varchar(16) NOT NULL, \`primary\` tinyint NOT NULL DEFAULT 0, \`beginDate\` date NULL, \`endDate\` date NULL, INDEX \`IDX_enrollment_district\` (\`districtId\`), INDEX \`IDX_enrollment_person\` (\`personId\`), UNIQUE INDEX \`UQ_enrollment_section_person_role\` (\`sectionId\`, \`personId\`, \`role\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`person_school\` (\`personId\` int NOT NULL, \`schoolId\` int NOT NULL, \`districtId\` int NOT NULL, INDEX \`IDX_person_school_school\` (\`schoolId\`), PRIMARY KEY (\`personId\`, \`schoolId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`field_mapping\` (\`id\` int NOT NULL AUTO_INCREMENT, \`districtId\` int NOT NULL, \`entityType\` varchar(16) NOT NULL, \`targetField\` varchar(64) NOT NULL, \`sourceField\` varchar(128) NOT NULL, UNIQUE INDEX \`UQ_field_mapping_target\` (\`districtId\`, \`entityType\`, \`targetField\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`sync_run\` (\`id\` int NOT NULL AUTO_INCREMENT, \`districtId\` int NOT NULL, \`activeDistrictId\` int NULL, \`mode\` varchar(10) NOT NULL, \`dryRun\` tinyint NOT NULL DEFAULT 0, \`trigger\` varchar(12) NOT NULL, \`requestedBy\` varchar(255) NULL, \`status\` varchar(12) NOT NULL, \`phase\` varchar(12) NULL, \`asOf\` date NULL, \`overrideThreshold\` tinyint NOT NULL DEFAULT 0, \`revertOfRunId\` int NULL, \`counts\` text NULL, \`issueCounts\` text NULL, \`progress\` text NULL, \`cancelRequested\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`startedAt\` datetime NULL, \`finishedAt\` datetime NULL, \`error\` text NULL, UNIQUE INDEX \`UQ_sync_run_active_district\` (\`activeDistrictId\`), INDEX \`IDX_sync_run_status\` (\`status\`), INDEX \`IDX_sync_run_district_created\` (\`districtId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`sync_change\` (\`id\` int NOT NULL AUTO_INCREMENT, \`runId\` int NOT NULL, \`entityType\` varchar(16) NOT NULL, \`entityId\` int NULL, \`sourceId\` varchar(255) NULL, \`action\` varchar(10) NOT NULL, \`before\` text NULL, \`after\` text NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_sync_change_run_entity\` (\`runId\`, \`entityType\`, \`action\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`sync_issue\` (\`id\` int NOT NULL AUTO_INCREMENT, \`runId\` int NOT NULL, \`severity\` varchar(10) NOT NULL, \`entityType\` varchar(16) NOT NULL, \`sourceId\` varchar(255) NULL, \`code\` varchar(40) NOT NULL, \`message\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_sync_issue_run_source\` (\`runId\`, \`sourceId\`), INDEX \`IDX_sync_issue_run_code\` (\`runId\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`course\` ADD CONSTRAINT \`FK_9829a90225b496361581eef2b7c\` FOREIGN KEY (\`districtId\`) REFERENCES \`district\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`person\` ADD CONSTRAINT \`FK_b84e530ba9e2189f8c4feaf3686\` FOREIGN KEY (\`districtId\`) REFERENCES \`district\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`school\` ADD CONSTRAINT \`FK_f3890f0dbf165462d778f7fd4c6\` FOREIGN KEY (\`districtId\`) REFERENCES \`district\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`term\` ADD CONSTRAINT \`FK_3ac4b5eed3613d1033710d645c7\` FOREIGN KEY (\`districtId\`) REFERENCES \`district\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`section\` ADD CONSTRAINT \`FK_aaacc008af62bd56ebabb578f7a\` FOREIGN KEY (\`districtId\`) REFERENCES \`district\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`section\` ADD CONSTRAINT \`FK_65d87de17a95f063097c9bdf1ee\` FOREIGN KEY (\`schoolId\`) REFERENCES \`school\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`section\` ADD CONSTRAINT \`FK_c61e35b7deed3caab17e821144a\` FOREIGN KEY (\`courseId\`) REFERENCES \`course\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`section\` ADD CONSTRAINT \`FK_d27089a1a18b060a6a6c95df0b8\` FOREIGN KEY (\`termId\`) REFERENCES \`term\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`enrollment\` ADD CONSTRAINT \`FK_d3fd3b9f114ed0c54eb607e33b3\` FOREIGN KEY (\`sectionId\`) REFERENCES \`section\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`enrollment\` ADD CONSTRAINT \`FK_167ec5d0aaad4b3908bbfeb2789\` FOREIGN KEY (\`personId\`) REFERENCES \`person\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`person_school\` ADD CONSTRAINT \`FK_884fe489c39f1e1d7595d5dc631\` FOREIGN KEY (\`personId\`) REFERENCES \`person\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`person_school\` ADD CONSTRAINT \`FK_0395f1f1fe3393ecad3365f79b0\` FOREIGN KEY (\`schoolId\`) REFERENCES \`school\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`field_mapping\` ADD CONSTRAINT \`FK_e6d7739a0cdd05e7405b6ac6c7d\` FOREIGN KEY (\`districtId\`) REFERENCES \`district\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`sync_run\` ADD CONSTRAINT \`FK_e6b37f66f587ebc27cbaeca46d9\` FOREIGN KEY (\`districtId\`) REFERENCES \`district\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`sync_change\` ADD CONSTRAINT \`FK_95fefb7c271935333f1ab081179\` FOREIGN KEY (\`runId\`) REFERENCES \`sync_run\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`sync_issue\` ADD CONSTRAINT \`FK_e14e582b52877d73bc6ba22f562\` FOREIGN KEY (\`runId\`) REFERENCES \`sync_run\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sync_issue\` DROP FOREIGN KEY \`FK_e14e582b52877d73bc6ba22f562\``);
    await queryRunner.query(`ALTER TABLE \`sync_change\` DROP FOREIGN KEY \`FK_95fefb7c271935333f1ab081179\``);
    await queryRunner.query(`ALTER TABLE \`sync_run\` DROP FOREIGN KEY \`FK_e6b37f66f587ebc27cbaeca46d9\``);
    await queryRunner.query(`ALTER TABLE \`field_mapping\` DROP FOREIGN KEY \`FK_e6d7739a0cdd05e7405b6ac6c7d\``);
    await queryRunner.query(`ALTER TABLE \`person_school\` DROP FOREIGN KEY \`FK_0395f1f1fe3393ecad3365f79b0\``);
    await queryRunner.query(`ALTER TABLE \`person_school\` DROP FOREIGN KEY \`FK_884fe489c39f1e1d7595d5dc631\``);
    await queryRunner.query(`ALTER TABLE \`enrollment\` DROP FOREIGN KEY \`FK_167ec5d0aaad4b3908bbfeb2789\``);
    await queryRunner.query(`ALTER TABLE \`enrollment\` DROP FOREIGN KEY \`FK_d3fd3b9f114ed0c54eb607e33b3\``);
    await queryRunner.query(`ALTER TABLE \`section\` DROP FOREIGN KEY \`FK_d27089a1a18b060a6a6c95df0b8\``);
    await queryRunner.query(`ALTER TABLE \`section\` DROP FOREIGN KEY \`FK_c61e35b7deed3caab17e821144a\``);
    await queryRunner.query(`ALTER TABLE \`section\` DROP FOREIGN KEY \`FK_65d87de17a95f063097c9bdf1ee\``);
    await queryRunner.query(`ALTER TABLE \`section\` DROP FOREIGN KEY \`FK_aaacc008af62bd56ebabb578f7a\``);
    await queryRunner.query(`ALTER TABLE \`term\` DROP FOREIGN KEY \`FK_3ac4b5eed3613d1033710d645c7\``);
    await queryRunner.query(`ALTER TABLE \`school\` DROP FOREIGN KEY \`FK_f3890f0dbf165462d778f7fd4c6\``);
    await queryRunner.query(`ALTER TABLE \`person\` DROP FOREIGN KEY \`FK_b84e530ba9e2189f8c4feaf3686\``);
    await queryRunner.query(`ALTER TABLE \`course\` DROP FOREIGN KEY \`FK_9829a90225b496361581eef2b7c\``);
    await queryRunner.query(`DROP INDEX \`IDX_sync_issue_run_code\` ON \`sync_issue\``);
    await queryRunner.query(`DROP INDEX \`IDX_sync_issue_run_source\` ON \`sync_issue\``);
    await queryRunner.query(`DROP TABLE \`sync_issue\``);
    await queryRunner.query(`DROP INDEX \`IDX_sync_change_run_entity\` ON \`sync_change\``);
    await queryRunner.query(`DROP TABLE \`sync_change\``);
    await queryRunner.query(`DROP INDEX \`IDX_sync_run_district_created\` ON \`sync_run\``);
    await queryRunner.query(`DROP INDEX \`IDX_sync_run_status\` ON \`sync_run\``);
    await queryRunner.query(`DROP INDEX \`UQ_sync_run_active_district\` ON \`sync_run\``);
    await queryRunner.query(`DROP TABLE \`sync_run\``);
    await queryRunner.query(`DROP INDEX \`UQ_field_mapping_target\` ON \`field_mapping\``);
    await queryRunner.query(`DROP TABLE \`field_mapping\``);
    await queryRunner.query(`DROP INDEX \`IDX_person_school_school\` ON \`person_school\``);
    await queryRunner.query(`DROP TABLE \`person_school\``);
    await queryRunner.query(`DROP INDEX \`UQ_enrollment_section_person_role\` ON \`enrollment\``);
    await queryRunner.query(`DROP INDEX \`IDX_enrollment_person\` ON \`enrollment\``);
    await queryRunner.query(`DROP INDEX \`IDX_enrollment_district\` ON \`enrollment\``);
    await queryRunner.query(`DROP TABLE \`enrollment\``);
    await queryRunner.query(`DROP INDEX \`UQ_section_district_source\` ON \`section\``);
    await queryRunner.query(`DROP INDEX \`IDX_section_school\` ON \`section\``);
    await queryRunner.query(`DROP INDEX \`IDX_section_term\` ON \`section\``);
    await queryRunner.query(`DROP INDEX \`IDX_section_course\` ON \`section\``);
    await queryRunner.query(`DROP TABLE \`section\``);
    await queryRunner.query(`DROP INDEX \`UQ_term_district_source\` ON \`term\``);
    await queryRunner.query(`DROP TABLE \`term\``);
    await queryRunner.query(`DROP INDEX \`UQ_school_district_source\` ON \`school\``);
    await queryRunner.query(`DROP INDEX \`IDX_school_name\` ON \`school\``);
    await queryRunner.query(`DROP TABLE \`school\``);
    await queryRunner.query(`DROP INDEX \`UQ_person_district_source\` ON \`person\``);
    await queryRunner.query(`DROP INDEX \`IDX_person_district_role\` ON \`person\``);
    await queryRunner.query(`DROP INDEX \`IDX_person_district_email\` ON \`person\``);
    await queryRunner.query(`DROP INDEX \`IDX_person_district_family\` ON \`person\``);
    await queryRunner.query(`DROP TABLE \`person\``);
    await queryRunner.query(`DROP INDEX \`UQ_course_district_source\` ON \`course\``);
    await queryRunner.query(`DROP TABLE \`course\``);
    await queryRunner.query(`DROP INDEX \`IDX_district_name\` ON \`district\``);
    await queryRunner.query(`DROP TABLE \`district\``);
  }
}
