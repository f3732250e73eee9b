import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createConnection, type Connection } from 'mysql2/promise';
import { isConnectionLost, retryAfterConnectionLoss } from '../../src/db/connection-lost.js';
import { DIALECTS, MYSQL_URL } from '../support/test-database.js';

// Real driver errors from a real server: a connection killed by MariaDB mid-statement, and a
// statement the server refuses, which is not a lost connection and is never tried again.
(DIALECTS.includes('mysql') ? describe : describe.skip)('a lost database connection (mysql)', () => {
  let admin: Connection;
  beforeAll(async () => {
    admin = await createConnection(MYSQL_URL);
  });
  afterAll(() => admin.end());

  /** Runs a slow statement on a fresh connection and kills that connection from another. */
  const killedMidStatement = async (): Promise<unknown> => {
    const victim = await createConnection(MYSQL_URL);
    victim.on('error', () => undefined);
    const statement = victim.query('SELECT SLEEP(5)');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await admin.query(`KILL CONNECTION ${Number(victim.threadId)}`);
    return statement.then(
      () => null,
      (e: unknown) => e,
    );
  };

  it('recognises the error of a connection the server killed, and writes again on a new connection', async () => {
    const killed = await killedMidStatement();
    expect(killed).toBeInstanceOf(Error);
    expect(isConnectionLost(killed)).toBe(true);

    let calls = 0;
    const written = await retryAfterConnectionLoss(
      async () => {
        calls++;
        if (calls === 1) throw await killedMidStatement();
        const [rows] = await admin.query('SELECT 1 AS ok');
        return (rows as Array<{ ok: number }>)[0].ok;
      },
      { delayMs: 1 },
    );
    expect(written).toBe(1);
    expect(calls).toBe(2);
  });

  it('does not take a refused statement for a lost connection, and stops after the last try', async () => {
    const refused = await admin.query('SELECT * FROM no_such_table_here').then(
      () => null,
      (e: unknown) => e,
    );
    expect(isConnectionLost(refused)).toBe(false);
    let calls = 0;
    await expect(retryAfterConnectionLoss(async () => (calls++, Promise.reject(refused)), { delayMs: 1 })).rejects.toBe(refused);
    expect(calls).toBe(1);

    calls = 0;
    const lost = await killedMidStatement();
    await expect(retryAfterConnectionLoss(async () => (calls++, Promise.reject(lost)), { attempts: 3, delayMs: 1 })).rejects.toBe(lost);
    expect(calls).toBe(3);
  });
});
