import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Additional mapped source fields (`extra`) on schools, people and sections. SQLite: ADD COLUMN, never a table rebuild (it would cascade-delete children). */
export class RosterExtraFields1795480000000 implements MigrationInterface {
  name = 'RosterExtraFields1795480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "school" ADD COLUMN "extra" text`);
    await queryRunner.query(`ALTER TABLE "person" ADD COLUMN "extra" text`);
    await queryRunner.query(`ALTER TABLE "section" ADD COLUMN "extra" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "section" DROP COLUMN "extra"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "extra"`);
    await queryRunner.query(`ALTER TABLE "school" DROP COLUMN "extra"`);
  }
}
