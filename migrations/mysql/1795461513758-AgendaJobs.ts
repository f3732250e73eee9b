import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgendaJobs1795461513758 implements MigrationInterface {
  name = 'AgendaJobs1795461513758';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`agenda_job\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(191) NOT NULL, \`priority\` int NOT NULL DEFAULT '0', \`type\` varchar(10) NOT NULL DEFAULT 'normal', \`nextRunAt\` bigint NULL, \`lockedAt\` bigint NULL, \`lastRunAt\` bigint NULL, \`lastFinishedAt\` bigint NULL, \`failedAt\` bigint NULL, \`failCount\` int NULL, \`failReason\` text NULL, \`repeatInterval\` varchar(255) NULL, \`repeatTimezone\` varchar(64) NULL, \`repeatAt\` varchar(255) NULL, \`data\` text NULL, \`disabled\` tinyint NOT NULL DEFAULT 0, \`progress\` double NULL, \`fork\` tinyint NOT NULL DEFAULT 0, \`lastModifiedBy\` varchar(255) NULL, \`debounceStartedAt\` bigint NULL, \`startDate\` bigint NULL, \`endDate\` bigint NULL, \`skipDays\` varchar(32) NULL, INDEX \`IDX_agenda_job_next\` (\`nextRunAt\`), INDEX \`IDX_agenda_job_name_locked\` (\`name\`, \`lockedAt\`), INDEX \`IDX_agenda_job_name_next\` (\`name\`, \`nextRunAt\`, \`priority\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_agenda_job_name_next\` ON \`agenda_job\``);
    await queryRunner.query(`DROP INDEX \`IDX_agenda_job_name_locked\` ON \`agenda_job\``);
    await queryRunner.query(`DROP INDEX \`IDX_agenda_job_next\` ON \`agenda_job\``);
    await queryRunner.query(`DROP TABLE \`agenda_job\``);
  }
}
