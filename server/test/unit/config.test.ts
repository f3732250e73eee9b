import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'homeroom-config-'));

describe('configuration', () => {
  it('has laptop defaults: SQLite under ./data, port 4000, a generated and kept secret', () => {
    const dir = dataDir();
    const c = loadConfig({ DATA_DIR: dir });
    expect(c.databaseUrl).toBe(`sqlite:${join(dir, 'homeroom.sqlite')}`);
    expect(c.port).toBe(4000);
    expect(c.redisUrl).toBeNull();
    expect(c.logLevel).toBe('info');
    expect(c.runDetailRetentionDays).toBe(90);
    expect(c.syncThreadHeapMb).toBe(128);
    expect(loadConfig({ DATA_DIR: dir, SYNC_THREAD_HEAP_MB: '512' }).syncThreadHeapMb).toBe(512);
    expect(c.syncThreadNice).toBe(10);
    expect(loadConfig({ DATA_DIR: dir, SYNC_THREAD_NICE: '0' }).syncThreadNice).toBe(0);
    expect(c.syncGiveWaySelectsPerSecond).toBe(300);
    expect(loadConfig({ DATA_DIR: dir, SYNC_GIVE_WAY_SELECTS: '0' }).syncGiveWaySelectsPerSecond).toBe(0);
    expect(loadConfig({ DATA_DIR: dir, RUN_DETAIL_RETENTION_DAYS: '30' }).runDetailRetentionDays).toBe(30);
    expect(c.secretKey.toString()).toBe(readFileSync(join(dir, 'secret.key'), 'utf8'));
    expect(loadConfig({ DATA_DIR: dir }).secretKey.equals(c.secretKey)).toBe(true);
  });

  it.each([
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, got "70000"'],
    [{ DATABASE_URL: 'postgres://x/y' }, 'DATABASE_URL must be sqlite:<path> or mysql://user:pass@host:port/db, got "postgres://x/y"'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must start with redis:// or rediss://, got "localhost:6379"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [{ NODE_ENV: 'production' }, 'SECRET_KEY is required when NODE_ENV=production (it encrypts district source credentials)'],
    [{ SECRET_KEY: 'short' }, 'SECRET_KEY must be at least 16 characters'],
    [{ RUN_DETAIL_RETENTION_DAYS: '0' }, 'RUN_DETAIL_RETENTION_DAYS must be a whole number of days (≥ 1), got "0"'],
    [{ SYNC_THREAD_HEAP_MB: '8' }, 'SYNC_THREAD_HEAP_MB must be a whole number of MB (≥ 32), got "8"'],
    [{ SYNC_THREAD_NICE: '20' }, 'SYNC_THREAD_NICE must be 0 to 19, got "20"'],
    [{ SYNC_THREAD_NICE: '-5' }, 'SYNC_THREAD_NICE must be a whole number of nice levels (≥ 0), got "-5"'],
    [{ SYNC_GIVE_WAY_SELECTS: 'lots' }, 'SYNC_GIVE_WAY_SELECTS must be a whole number of SELECTs per second (≥ 0), got "lots"'],
    [{ SMTP_URL: 'mail.example.org' }, 'SMTP_URL must start with smtp:// or smtps://, got "mail.example.org"'],
  ])('rejects %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(new ConfigError(message));
  });
});
