import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Auth1795462411356 implements MigrationInterface {
  name = 'Auth1795462411356';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "admin_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar(255) NOT NULL, "passwordHash" varchar(255) NOT NULL, "role" varchar(20) NOT NULL, "districtId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "lastLoginAt" datetime)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_admin_user_email" ON "admin_user" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "admin_session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tokenHash" varchar(64) NOT NULL, "adminUserId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "expiresAt" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_admin_session_hash" ON "admin_session" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_admin_session_user" ON "admin_session" ("adminUserId") `);
    await queryRunner.query(
      `CREATE TABLE "api_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "districtId" integer NOT NULL, "tokenHash" varchar(64) NOT NULL, "prefix" varchar(16) NOT NULL, "createdBy" varchar(255), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "lastUsedAt" datetime, "revokedAt" datetime)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_token_hash" ON "api_token" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_api_token_district" ON "api_token" ("districtId") `);
    await queryRunner.query(`DROP INDEX "UQ_admin_user_email"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_admin_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar(255) NOT NULL, "passwordHash" varchar(255) NOT NULL, "role" varchar(20) NOT NULL, "districtId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "lastLoginAt" datetime, CONSTRAINT "FK_9c2924a5dbdb5508a2279cff6c1" FOREIGN KEY ("districtId") REFERENCES "district" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_admin_user"("id", "email", "passwordHash", "role", "districtId", "createdAt", "lastLoginAt") SELECT "id", "email", "passwordHash", "role", "districtId", "createdAt", "lastLoginAt" FROM "admin_user"`,
    );
    await queryRunner.query(`DROP TABLE "admin_user"`);
    await queryRunner.query(`ALTER TABLE "temporary_admin_user" RENAME TO "admin_user"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_admin_user_email" ON "admin_user" ("email") `);
    await queryRunner.query(`DROP INDEX "UQ_admin_session_hash"`);
    await queryRunner.query(`DROP INDEX "IDX_admin_session_user"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_admin_session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tokenHash" varchar(64) NOT NULL, "adminUserId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "expiresAt" datetime NOT NULL, CONSTRAINT "FK_ed17ed3d18f3647b5e5d562cfc3" FOREIGN KEY ("adminUserId") REFERENCES "admin_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_admin_session"("id", "tokenHash", "adminUserId", "createdAt", "expiresAt") SELECT "id", "tokenHash", "adminUserId", "createdAt", "expiresAt" FROM "admin_session"`,
    );
    await queryRunner.query(`DROP TABLE "admin_session"`);
    await queryRunner.query(`ALTER TABLE "temporary_admin_session" RENAME TO "admin_session"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_admin_session_hash" ON "admin_session" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_admin_session_user" ON "admin_session" ("adminUserId") `);
    await queryRunner.query(`DROP INDEX "UQ_api_token_hash"`);
    await queryRunner.query(`DROP INDEX "IDX_api_token_district"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_api_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "districtId" integer NOT NULL, "tokenHash" varchar(64) NOT NULL, "prefix" varchar(16) NOT NULL, "createdBy" varchar(255), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "lastUsedAt" datetime, "revokedAt" datetime, CONSTRAINT "FK_ff2f684607ff79279cb432b2a11" FOREIGN KEY ("districtId") REFERENCES "district" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_api_token"("id", "name", "districtId", "tokenHash", "prefix", "createdBy", "createdAt", "lastUsedAt", "revokedAt") SELECT "id", "name", "districtId", "tokenHash", "prefix", "createdBy", "createdAt", "lastUsedAt", "revokedAt" FROM "api_token"`,
    );
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`ALTER TABLE "temporary_api_token" RENAME TO "api_token"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_token_hash" ON "api_token" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_api_token_district" ON "api_token" ("districtId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_api_token_district"`);
    await queryRunner.query(`DROP INDEX "UQ_api_token_hash"`);
    await queryRunner.query(`ALTER TABLE "api_token" RENAME TO "temporary_api_token"`);
    await queryRunner.query(
      `CREATE TABLE "api_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "districtId" integer NOT NULL, "tokenHash" varchar(64) NOT NULL, "prefix" varchar(16) NOT NULL, "createdBy" varchar(255), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "lastUsedAt" datetime, "revokedAt" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "api_token"("id", "name", "districtId", "tokenHash", "prefix", "createdBy", "createdAt", "lastUsedAt", "revokedAt") SELECT "id", "name", "districtId", "tokenHash", "prefix", "createdBy", "createdAt", "lastUsedAt", "revokedAt" FROM "temporary_api_token"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_api_token"`);
    await queryRunner.query(`CREATE INDEX "IDX_api_token_district" ON "api_token" ("districtId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_token_hash" ON "api_token" ("tokenHash") `);
    await queryRunner.query(`DROP INDEX "IDX_admin_session_user"`);
    await queryRunner.query(`DROP INDEX "UQ_admin_session_hash"`);
    await queryRunner.query(`ALTER TABLE "admin_session" RENAME TO "temporary_admin_session"`);
    await queryRunner.query(
      `CREATE TABLE "admin_session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tokenHash" varchar(64) NOT NULL, "adminUserId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "expiresAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "admin_session"("id", "tokenHash", "adminUserId", "createdAt", "expiresAt") SELECT "id", "tokenHash", "adminUserId", "createdAt", "expiresAt" FROM "temporary_admin_session"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_admin_session"`);
    await queryRunner.query(`CREATE INDEX "IDX_admin_session_user" ON "admin_session" ("adminUserId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_admin_session_hash" ON "admin_session" ("tokenHash") `);
    await queryRunner.query(`DROP INDEX "UQ_admin_user_email"`);
    await queryRunner.query(`ALTER TABLE "admin_user" RENAME TO "temporary_admin_user"`);
    await queryRunner.query(
      `CREATE TABLE "admin_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar(255) NOT NULL, "passwordHash" varchar(255) NOT NULL, "role" varchar(20) NOT NULL, "districtId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "lastLoginAt" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "admin_user"("id", "email", "passwordHash", "role", "districtId", "createdAt", "lastLoginAt") SELECT "id", "email", "passwordHash", "role", "districtId", "createdAt", "lastLoginAt" FROM "temporary_admin_user"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_admin_user"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_admin_user_email" ON "admin_user" ("email") `);
    await queryRunner.query(`DROP INDEX "IDX_api_token_district"`);
    await queryRunner.query(`DROP INDEX "UQ_api_token_hash"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`DROP INDEX "IDX_admin_session_user"`);
    await queryRunner.query(`DROP INDEX "UQ_admin_session_hash"`);
    await queryRunner.query(`DROP TABLE "admin_session"`);
    await queryRunner.query(`DROP INDEX "UQ_admin_user_email"`);
    await queryRunner.query(`DROP TABLE "admin_user"`);
  }
}
