import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { EntityType } from '../../roster/roster-enums.js';
import { CsvDamagedError, CsvRecordReader } from './csv-record-reader.js';
import type { SourceProblem } from './roster-source.js';
import { SourceError } from '../../errors.js';

/*
 * Shared plumbing of the CSV sources (Clever district CSV, OneRoster CSV): where the files
 * are (a folder or a zip), streaming rows out of them, and the problem list.
 */

/** A folder or a .zip holding CSV files, found by file name (case-insensitive). */
export class CsvFileSet {
  private names: Promise<Map<string, string>> | null = null;

  constructor(readonly path: string) {}

  /** Lower-cased base name → the name to open (a path inside the folder or the zip). */
  private index(): Promise<Map<string, string>> {
    this.names ??= this.buildIndex();
    return this.names;
  }

  private async buildIndex(): Promise<Map<string, string>> {
    let info;
    try {
      info = await stat(this.path);
    } catch {
      throw new SourceError(`The source path ${this.path} was not found`);
    }
    const found = new Map<string, string>();
    if (info.isDirectory()) {
      for (const name of (await readdir(this.path)).sort()) found.set(name.toLowerCase(), join(this.path, name));
      return found;
    }
    // A zip: take each file by its base name, the shallowest one when names repeat
    // (exports often wrap the files in a folder); skip macOS resource forks.
    const names = await zipEntryNames(this.path);
    names.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
    for (const name of names) {
      const base = basename(name);
      if (name.endsWith('/') || name.startsWith('__MACOSX/') || base.startsWith('._')) continue;
      if (!found.has(base.toLowerCase())) found.set(base.toLowerCase(), name);
    }
    return found;
  }

  async has(file: string): Promise<boolean> {
    return (await this.index()).has(file.toLowerCase());
  }

  /** A byte stream of the file; SourceError when it is not there. */
  async open(file: string): Promise<Readable> {
    const name = (await this.index()).get(file.toLowerCase());
    if (!name) throw new SourceError(`${file} was not found in ${this.path}`);
    if ((await stat(this.path)).isDirectory()) return createReadStream(name);
    return openZipEntry(this.path, name);
  }
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err || !zip) reject(new SourceError(`${path} is neither a folder nor a readable zip file (${err?.message ?? 'unknown error'})`));
      else resolve(zip);
    });
  });
}

async function zipEntryNames(path: string): Promise<string[]> {
  const zip = await openZip(path);
  return new Promise((resolve, reject) => {
    const names: string[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      names.push(entry.fileName);
      zip.readEntry();
    });
    zip.on('end', () => {
      zip.close();
      resolve(names);
    });
    zip.on('error', (err: Error) => {
      zip.close();
      reject(new SourceError(`${path} could not be read as a zip file (${err.message})`));
    });
    zip.readEntry();
  });
}

/** Opens the zip, finds one entry and streams it; the zip closes when the stream ends. */
async function openZipEntry(path: string, name: string): Promise<Readable> {
  const zip = await openZip(path);
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => {
      zip.close();
      reject(err instanceof SourceError ? err : new SourceError(`${name} in ${path} could not be read (${err.message})`));
    };
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== name) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(err ?? new Error('no stream'));
        zip.close(); // yauzl keeps the file open until the stream ends
        resolve(stream);
      });
    });
    zip.on('end', () => fail(new SourceError(`${name} was not found in ${path}`)));
    zip.on('error', fail);
    zip.readEntry();
  });
}

/** Collects record-level problems, each reported once per source however often a file is re-read. */
export class ProblemList {
  private pending: SourceProblem[] = [];
  private readonly seen = new Set<string>();

  add(entityType: EntityType, sourceId: string | null, code: string, message: string): void {
    const key = `${entityType}\u0000${code}\u0000${sourceId ?? ''}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.pending.push({ entityType, sourceId, code, message });
  }

  take(): SourceProblem[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}

export const MISSING_REQUIRED_FIELD = 'MISSING_REQUIRED_FIELD';
export const INVALID_VALUE = 'INVALID_VALUE';
export const DUPLICATE_SOURCE_ID = 'DUPLICATE_SOURCE_ID';
export const ROLE_SKIPPED = 'ROLE_SKIPPED';
export const SOURCE_ID_TOO_LONG = 'SOURCE_ID_TOO_LONG';
/** Longest source id the roster tables hold (varchar(255)); the engine checks the ids of keyed records. */
export const SOURCE_ID_MAX_LENGTH = 255;

/** What a source expects of one CSV file. */
export interface CsvSpec {
  file: string;
  /** Entity type its row problems are reported under. */
  entity: EntityType;
  /** Columns that must be in the header (exact spelling; matched case-insensitively). */
  required: readonly string[];
  /** Further known columns, so a header spelled in another case still gives these keys. */
  optional?: readonly string[];
}

/** One data row: values keyed by column name (known columns in their canonical spelling), blank → null. */
export interface CsvRow {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  values: Record<string, string | null>;
}

/** More unreadable lines than this in one file: the file is damaged, not a record or two. */
export const MAX_DEFECTS_PER_FILE = 50;

function canonicalHeader(spec: CsvSpec, header: string[]): string[] {
  const known = new Map<string, string>();
  for (const c of [...spec.required, ...(spec.optional ?? [])]) known.set(c.toLowerCase(), c);
  return header.map((h) => {
    const name = h.trim();
    return known.get(name.toLowerCase()) ?? name;
  });
}

/** A read failure as a SourceError naming the file (the stream's own errors: a truncated zip, an I/O error). */
function unreadable(spec: CsvSpec, err: unknown): SourceError {
  if (err instanceof SourceError) return err;
  if (err instanceof CsvDamagedError) return new SourceError(`${spec.file} cannot be trusted: ${err.message}; nothing was synced.`);
  return new SourceError(`${spec.file} could not be read (${(err as Error).message})`);
}

/** Reads only the header row and checks the required columns: SourceError naming file and column. */
export async function checkHeader(files: CsvFileSet, spec: CsvSpec): Promise<string[]> {
  if (!(await files.has(spec.file))) throw new SourceError(`${spec.file} was not found in ${files.path}`);
  const input = await files.open(spec.file);
  let header: string[] | null = null;
  try {
    for await (const record of new CsvRecordReader(input).records()) {
      if (record.kind === 'defect') throw new SourceError(`${spec.file} line ${record.line}, its header, could not be read: ${record.problem}`);
      if (record.fields.every((v) => v.trim() === '')) continue;
      header = canonicalHeader(spec, record.fields);
      break;
    }
  } catch (err) {
    throw unreadable(spec, err);
  } finally {
    input.destroy();
  }
  if (!header) throw new SourceError(`${spec.file} is empty: it has no header row`);
  const missing = spec.required.filter((c) => !header!.includes(c));
  if (missing.length === 1) throw new SourceError(`${spec.file} is missing the required column "${missing[0]}"`);
  if (missing.length > 1) throw new SourceError(`${spec.file} is missing the required columns ${missing.map((c) => `"${c}"`).join(', ')}`);
  return header;
}

/**
 * Streams the data rows of a file. A line that cannot be read (a stray quote, a field over
 * 1 MB, a wrong number of fields) is one problem naming file and line, and reading goes on
 * with the next line; blank rows are ignored. A file that cannot be trusted (it ends inside
 * a quoted field, or has more than MAX_DEFECTS_PER_FILE unreadable lines) is a SourceError,
 * so the run fails with nothing changed instead of syncing part of the file.
 */
export async function* readRows(files: CsvFileSet, spec: CsvSpec, problems: ProblemList, signal?: AbortSignal): AsyncGenerator<CsvRow> {
  signal?.throwIfAborted();
  const input = await files.open(spec.file);
  const reader = new CsvRecordReader(input);
  let header: string[] | null = null;
  let width = 0;
  let read = 0;
  let rows = 0;
  let defects = 0;
  try {
    for await (const record of reader.records()) {
      const row = ++rows; // every record counts, blank ones too, as a spreadsheet numbers them
      if (++read % 1000 === 0) {
        signal?.throwIfAborted();
        await tick();
      }
      if (record.kind === 'defect') {
        if (!header) throw new SourceError(`${spec.file} line ${record.line}, its header, could not be read: ${record.problem}`);
        if (++defects > MAX_DEFECTS_PER_FILE) {
          throw new SourceError(
            `${spec.file} has more than ${MAX_DEFECTS_PER_FILE} lines that cannot be read as CSV, so the file looks damaged; nothing was synced.`,
          );
        }
        problems.add(
          spec.entity,
          null,
          INVALID_VALUE,
          `${spec.file} line ${record.line} could not be read: ${record.problem}; the line was skipped and reading went on with the next line.`,
        );
        continue;
      }
      const fields = record.fields;
      if (fields.every((v) => v.trim() === '')) continue;
      if (!header) {
        const h = canonicalHeader(spec, fields);
        header = h;
        width = h.length;
        while (width > 0 && h[width - 1] === '') width--; // trailing unnamed columns need not be present
        reader.fits = (f) => f.length >= width && !f.slice(h.length).some((v) => v.trim() !== '');
        continue;
      }
      if (!reader.fits!(fields)) {
        problems.add(
          spec.entity,
          null,
          INVALID_VALUE,
          `${spec.file} row ${row} has ${fields.length} fields but the header has ${header.length}; the row was skipped (check for an unquoted comma or a missing field).`,
        );
        continue;
      }
      const values: Record<string, string | null> = {};
      for (let i = 0; i < header.length; i++) {
        const name = header[i];
        if (name === '' || name in values) continue; // unnamed or repeated column: the first wins
        const v = (fields[i] ?? '').trim();
        values[name] = v === '' ? null : v;
      }
      yield { row, values };
    }
  } catch (err) {
    if (signal?.aborted) throw err;
    throw unreadable(spec, err);
  } finally {
    input.destroy();
  }
}

/**
 * A date as YYYY-MM-DD from M/D/YY, M/D/YYYY or YYYY-MM-DD (a time part is ignored).
 * Two-digit years are 20YY. Returns null for a blank value and undefined when invalid.
 */
export function parseDate(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined || value.trim() === '') return null;
  const s = value.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?: .*)?$/.exec(s))) {
    [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (match[3].length === 2) y += 2000;
  } else {
    return undefined;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A comma-separated list (OneRoster's quoted lists): trimmed, blanks and repeats dropped. */
export function splitList(value: string | null | undefined): string[] {
  if (!value) return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    ),
  ];
}

/** Lets the event loop breathe (progress, cancel) on long synchronous stretches. */
export const tick = () => new Promise<void>((r) => setImmediate(r));

/** A source value quoted in a message, shortened: messages are read by people and stored in a TEXT column. */
export function shown(value: unknown): string {
  const v = String(value ?? '');
  return `"${v.length > 60 ? `${v.slice(0, 57)}…` : v}"`;
}
