import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Source ids compare byte for byte, as on SQLite: "02M800" and "02m800" are two students. The
 * database's default utf8mb4_unicode_ci folds case (and pads trailing spaces), so the unique
 * (districtId, sourceId) keys rejected ids that differ only so. A NO PAD binary collation:
 * utf8mb4_nopad_bin on MariaDB, utf8mb4_0900_bin on MySQL 8 (utf8mb4_bin where neither exists).
 * Tables that join on source ids (a run's staging tables) must use the same collation.
 */
const NOT_NULL = ['school', 'person', 'term', 'course', 'section'];
const NULLABLE = ['enrollment', 'sync_change', 'sync_issue'];

async function binaryCollation(queryRunner: QueryRunner): Promise<string> {
  const rows: Array<{ Collation: string }> = await queryRunner.query(`SHOW COLLATION WHERE Collation IN ('utf8mb4_nopad_bin', 'utf8mb4_0900_bin')`);
  const names = rows.map((r) => r.Collation);
  return names.includes('utf8mb4_nopad_bin') ? 'utf8mb4_nopad_bin' : names.includes('utf8mb4_0900_bin') ? 'utf8mb4_0900_bin' : 'utf8mb4_bin';
}

export class BinarySourceIds1796068976972 implements MigrationInterface {
  name = 'BinarySourceIds1796068976972';

  async up(queryRunner: QueryRunner): Promise<void> {
    const collation = await binaryCollation(queryRunner);
    for (const t of NOT_NULL)
      await queryRunner.query(`ALTER TABLE \`${t}\` MODIFY \`sourceId\` varchar(255) CHARACTER SET utf8mb4 COLLATE ${collation} NOT NULL`);
    for (const t of NULLABLE) await queryRunner.query(`ALTER TABLE \`${t}\` MODIFY \`sourceId\` varchar(255) CHARACTER SET utf8mb4 COLLATE ${collation} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to the database default. Fails on ids that then collide (they differ only by case).
    for (const t of NOT_NULL)
      await queryRunner.query(`ALTER TABLE \`${t}\` MODIFY \`sourceId\` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL`);
    for (const t of NULLABLE)
      await queryRunner.query(`ALTER TABLE \`${t}\` MODIFY \`sourceId\` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL`);
  }
}
