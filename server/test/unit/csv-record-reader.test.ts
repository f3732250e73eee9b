import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { CsvDamagedError, CsvRecordReader, type CsvDefect, type CsvRecord } from '../../src/sync/sources/csv-record-reader.js';

/** Reads text delivered in chunks of `size` characters (so line ends and quotes straddle chunks). */
async function read(text: string, size = 3, fits?: (f: string[]) => boolean): Promise<Array<CsvRecord | CsvDefect>> {
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const reader = new CsvRecordReader(Readable.from(chunks), { maxRecordChars: 100 });
  if (fits) reader.fits = fits;
  const out: Array<CsvRecord | CsvDefect> = [];
  for await (const r of reader.records()) out.push(r);
  return out;
}
const three = (f: string[]) => f.length === 3;

describe('CsvRecordReader', () => {
  it('reads CR, LF and CRLF line ends, quoted commas, doubled quotes and quoted line ends, with line numbers', async () => {
    const text = '\ufeffa,b,c\r\n1,"x, y",z\r2,"say ""hi""",\n3,"two\r\nlines",end\r\n4,in"side,ok';
    expect(await read(text, 1, three)).toEqual([
      { kind: 'record', fields: ['a', 'b', 'c'], line: 1 },
      { kind: 'record', fields: ['1', 'x, y', 'z'], line: 2 },
      { kind: 'record', fields: ['2', 'say "hi"', ''], line: 3 },
      { kind: 'record', fields: ['3', 'two\r\nlines', 'end'], line: 4 },
      { kind: 'record', fields: ['4', 'in"side', 'ok'], line: 6 },
    ]);
  });

  it('takes a stray quote as one defect and re-synchronises on the next line, even when a later quote "closes" it', async () => {
    const text = 'a,b,c\n1,"oops,z\n2,x,y\n3,"q",z\n4,x,y\n';
    expect(await read(text, 4, three)).toEqual([
      { kind: 'record', fields: ['a', 'b', 'c'], line: 1 },
      { kind: 'defect', line: 2, problem: 'a quoted field that opens on this line runs past the line end and does not close cleanly (a stray quote?)' },
      { kind: 'record', fields: ['2', 'x', 'y'], line: 3 },
      { kind: 'record', fields: ['3', 'q', 'z'], line: 4 },
      { kind: 'record', fields: ['4', 'x', 'y'], line: 5 },
    ]);
  });

  it('skips an over-long line in place and reads the next one', async () => {
    const text = `a,b,c\n1,${'x'.repeat(500)},z\r\n2,x,y\n`;
    expect(await read(text, 7, three)).toEqual([
      { kind: 'record', fields: ['a', 'b', 'c'], line: 1 },
      { kind: 'defect', line: 2, problem: 'the line is longer than 100 characters (a field over 1 MB?)' },
      { kind: 'record', fields: ['2', 'x', 'y'], line: 3 },
    ]);
  });

  it('reports text after a closing quote on its line', async () => {
    expect(await read('1,"a"b,c\n2,x,y\n')).toEqual([
      { kind: 'defect', line: 1, problem: 'text follows the closing quote of a field' },
      { kind: 'record', fields: ['2', 'x', 'y'], line: 2 },
    ]);
  });

  it('throws CsvDamagedError when the file ends inside a quoted field opened on its last line', async () => {
    await expect(read('a,b,c\n1,x,y\n2,"cut off')).rejects.toThrow(
      new CsvDamagedError('it ends inside a quoted field that opens on line 3, so the file looks cut off'),
    );
  });
});
