import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RolloverContinuity1796091000000 implements MigrationInterface {
  name = 'RolloverContinuity1796091000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`district\` ADD \`syncAsOf\` date NULL`);
    await queryRunner.query(`ALTER TABLE \`section\` ADD \`predecessorId\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`section\` ADD \`predecessorRule\` varchar(20) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_section_predecessor\` ON \`section\` (\`predecessorId\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_section_predecessor\` ON \`section\``);
    await queryRunner.query(`ALTER TABLE \`section\` DROP COLUMN \`predecessorRule\``);
    await queryRunner.query(`ALTER TABLE \`section\` DROP COLUMN \`predecessorId\``);
    await queryRunner.query(`ALTER TABLE \`district\` DROP COLUMN \`syncAsOf\``);
  }
}
