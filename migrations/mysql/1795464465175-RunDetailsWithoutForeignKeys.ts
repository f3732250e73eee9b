import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RunDetailsWithoutForeignKeys1795464465175 implements MigrationInterface {
  name = 'RunDetailsWithoutForeignKeys1795464465175';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sync_change\` DROP FOREIGN KEY \`FK_95fefb7c271935333f1ab081179\``);
    await queryRunner.query(`ALTER TABLE \`sync_issue\` DROP FOREIGN KEY \`FK_e14e582b52877d73bc6ba22f562\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`sync_issue\` ADD CONSTRAINT \`FK_e14e582b52877d73bc6ba22f562\` FOREIGN KEY (\`runId\`) REFERENCES \`sync_run\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`sync_change\` ADD CONSTRAINT \`FK_95fefb7c271935333f1ab081179\` FOREIGN KEY (\`runId\`) REFERENCES \`sync_run\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
