import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RosterOrderIndexes1796090000000 implements MigrationInterface {
  name = 'RosterOrderIndexes1796090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_person_district_family\` ON \`person\``);
    await queryRunner.query(`CREATE INDEX \`IDX_person_district_name\` ON \`person\` (\`districtId\`, \`familyName\`, \`givenName\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_section_school_name\` ON \`section\` (\`schoolId\`, \`name\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_sync_change_entity\` ON \`sync_change\` (\`districtId\`, \`entityType\`, \`entityId\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_sync_change_entity\` ON \`sync_change\``);
    await queryRunner.query(`DROP INDEX \`IDX_section_school_name\` ON \`section\``);
    await queryRunner.query(`DROP INDEX \`IDX_person_district_name\` ON \`person\``);
    await queryRunner.query(`CREATE INDEX \`IDX_person_district_family\` ON \`person\` (\`districtId\`, \`familyName\`)`);
  }
}
