import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agenda } from 'agenda';
import { createJobBackend } from '../../src/jobs/index.js';
import { exclusiveSuite } from '../support/exclusive-suite.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';
import { spawnWorker } from '../support/jobs-spawn.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Redis channels are server-wide: no other Redis test file runs at the same time.
exclusiveSuite('redis');

describe.each(DIALECTS)('Redis job notifications on %s', (dialect) => {
  let db: TestDatabase;
  let dir: string;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'homeroom-jobs-redis-'));
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a job saved in process A starts in worker process B within a second while B polls once a minute', async () => {
    const file = join(dir, 'redis.log');
    const b = spawnWorker({ DATABASE_URL: db.url, RECORD_FILE: file, REDIS_URL, PROCESS_EVERY_MS: '60000' });
    worker = b.child;
    await b.ready;
    await new Promise((r) => setTimeout(r, 300)); // B's first scan is over; only a notification can wake it now

    const backend = createJobBackend(db.ds, { redisUrl: REDIS_URL });
    const agenda = new Agenda({ backend });
    await agenda.ready;
    await backend.notificationChannel!.connect(); // what createJobClient does for API processes
    try {
      const savedAt = Date.now();
      await agenda.create('test-record', { n: 1 }).schedule(new Date()).save();
      const until = savedAt + 5000;
      while (!(existsSync(file) && readFileSync(file, 'utf8').includes('test-record 1')) && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const line = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .find((l) => l.startsWith('test-record 1'))!;
      const [, , pid, at] = line.split(' ');
      expect(pid).toBe(String(b.child.pid));
      expect(Number(at) - savedAt).toBeLessThan(1000);
    } finally {
      await backend.notificationChannel!.disconnect();
      b.child.kill('SIGTERM');
      expect(await b.exited).toBe(0);
    }
  }, 30_000);
});
