import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Auth1795462411356 implements MigrationInterface {
  name = 'Auth1795462411356';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`admin_user\` (\`id\` int NOT NULL AUTO_INCREMENT, \`email\` varchar(255) NOT NULL, \`passwordHash\` varchar(255) NOT NULL, \`role\` varchar(20) NOT NULL, \`districtId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`lastLoginAt\` datetime NULL, UNIQUE INDEX \`UQ_admin_user_email\` (\`email\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`admin_session\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tokenHash\` varchar(64) NOT NULL, \`adminUserId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`expiresAt\` datetime NOT NULL, UNIQUE INDEX \`UQ_admin_session_hash\` (\`tokenHash\`), INDEX \`IDX_admin_session_user\` (\`adminUserId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`api_token\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`districtId\` int NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`prefix\` varchar(16) NOT NULL, \`createdBy\` varchar(255) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`lastUsedAt\` datetime NULL, \`revokedAt\` datetime NULL, UNIQUE INDEX \`UQ_api_token_hash\` (\`tokenHash\`), INDEX \`IDX_api_token_district\` (\`districtId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`admin_user\` ADD CONSTRAINT \`FK_9c2924a5dbdb5508a2279cff6c1\` FOREIGN KEY (\`districtId\`) REFERENCES \`district\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`admin_session\` ADD CONSTRAINT \`FK_ed17ed3d18f3647b5e5d562cfc3\` FOREIGN KEY (\`adminUserId\`) REFERENCES \`admin_user\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`api_token\` ADD CONSTRAINT \`FK_ff2f684607ff79279cb432b2a11\` FOREIGN KEY (\`districtId\`) REFERENCES \`district\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`api_token\` DROP FOREIGN KEY \`FK_ff2f684607ff79279cb432b2a11\``);
    await queryRunner.query(`ALTER TABLE \`admin_session\` DROP FOREIGN KEY \`FK_ed17ed3d18f3647b5e5d562cfc3\``);
    await queryRunner.query(`ALTER TABLE \`admin_user\` DROP FOREIGN KEY \`FK_9c2924a5dbdb5508a2279cff6c1\``);
    await queryRunner.query(`DROP INDEX \`IDX_api_token_district\` ON \`api_token\``);
    await queryRunner.query(`DROP INDEX \`UQ_api_token_hash\` ON \`api_token\``);
    await queryRunner.query(`DROP TABLE \`api_token\``);
    await queryRunner.query(`DROP INDEX \`IDX_admin_session_user\` ON \`admin_session\``);
    await queryRunner.query(`DROP INDEX \`UQ_admin_session_hash\` ON \`admin_session\``);
    await queryRunner.query(`DROP TABLE \`admin_session\``);
    await queryRunner.query(`DROP INDEX \`UQ_admin_user_email\` ON \`admin_user\``);
    await queryRunner.query(`DROP TABLE \`admin_user\``);
  }
}
