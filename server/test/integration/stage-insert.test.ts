import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { insertStageRows } from '../../src/sync/engine/stage-insert.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

// Staging writes (LOAD DATA LOCAL on MySQL/MariaDB) keep every value byte for byte, NULL apart from ''.
describe.each(DIALECTS)('staging rows on %s', (dialect) => {
  let db: TestDatabase;
  const mysql = dialect === 'mysql';
  beforeAll(async () => {
    db = await createTestDatabase(dialect, { migrate: false });
    const id = mysql ? 'seq INT NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'seq INTEGER PRIMARY KEY AUTOINCREMENT';
    const bin = mysql ? ' CHARACTER SET utf8mb4 COLLATE utf8mb4_bin' : '';
    await db.ds.query(`CREATE TABLE stage_probe (${id}, a VARCHAR(8)${bin} NULL, b TEXT NULL, UNIQUE (a))${mysql ? ' DEFAULT CHARSET=utf8mb4' : ''}`);
  });
  afterAll(() => db.drop());

  const read = async () => (await db.ds.query('SELECT a, b FROM stage_probe ORDER BY seq')).map((r: { a: unknown; b: unknown }) => [r.a, r.b]);

  it('keeps tabs, line breaks, backslashes, NUL bytes, quotes, non-ASCII text, empty strings and NULLs', async () => {
    const rows = [
      ['t\tab', 'line\nbreak\r\nand CR'],
      ['b\\N', '\\N'],
      ['n\0ul', null],
      ['', 'émoji 😀 "quoted", \'single\''],
      [null, 'a\\tb'],
    ];
    await insertStageRows(db.ds, 'stage_probe', ['a', 'b'], rows);
    expect(await read()).toEqual(rows);
  });

  it('skips a row repeating a unique key when told to ignore, and fails a value too long for its column otherwise', async () => {
    await db.ds.query('DELETE FROM stage_probe');
    await insertStageRows(
      db.ds,
      'stage_probe',
      ['a', 'b'],
      [
        ['k', 'first'],
        ['k', 'again'],
      ],
      { verb: mysql ? 'INSERT IGNORE' : 'INSERT OR IGNORE' },
    );
    expect(await read()).toEqual([['k', 'first']]);
    if (mysql) await expect(insertStageRows(db.ds, 'stage_probe', ['a', 'b'], [['much too long', 'x']])).rejects.toThrow();
  });

  // MySQL 8 ships with local_infile=OFF; a client without the LOCAL capability is refused the same way.
  (mysql ? it : it.skip)('falls back to multi-row INSERTs where LOAD DATA LOCAL is refused, and keeps every value', async () => {
    const refused = new DataSource({ ...db.ds.options, flags: ['-LOCAL_FILES'] } as DataSourceOptions);
    await refused.initialize();
    try {
      await refused.query('DELETE FROM stage_probe');
      const rows = [
        ['t\tab', 'line\nbreak'],
        [null, '\\N'],
      ];
      await insertStageRows(refused, 'stage_probe', ['a', 'b'], rows);
      // The refusal is remembered: the next write goes straight to INSERT.
      await insertStageRows(refused, 'stage_probe', ['a', 'b'], [['x', null]]);
      expect(await read()).toEqual([...rows, ['x', null]]);
    } finally {
      await refused.destroy();
    }
  });
});
