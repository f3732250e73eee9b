import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { SourceError } from '../../../errors.js';

/**
 * Reads a downloaded zip to its end: the central directory must be there (a cut-off
 * download has none) and every entry must inflate to its recorded size, so a partial
 * export never reaches the planner.
 */
export async function verifyZip(path: string, shownAs: string): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, z) => {
      if (err || !z)
        reject(
          new SourceError(`The export ${shownAs} is not a complete zip file (${err?.message ?? 'unreadable'}): it may have been cut off or still be uploading`),
        );
      else resolve(z);
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => reject(new SourceError(`The export ${shownAs} is damaged: ${err.message}`));
      zip.on('error', fail);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return fail(err ?? new Error(`cannot read ${entry.fileName}`));
          stream.on('error', (e: Error) => fail(new Error(`${entry.fileName}: ${e.message}`)));
          stream.on('end', () => zip.readEntry());
          stream.resume();
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/** A downloaded folder must hold at least one CSV file. */
export async function verifyFolder(dir: string, shownAs: string): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.csv'));
  if (names.length === 0) throw new SourceError(`The export folder ${shownAs} has no .csv files`);
  for (const n of names) await stat(join(dir, n));
}

/** True when the file starts like a zip (local file header or an empty archive). */
export function looksLikeZip(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
}
