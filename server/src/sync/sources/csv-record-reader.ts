import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/*
 * A tolerant, streaming CSV reader (RFC 4180 plus what real exports do: CR, LF or CRLF line
 * ends, even mixed; a quote inside an unquoted field is a literal character). Its one job
 * beyond parsing: a damaged record costs that record only. A record that cannot be read is
 * reported with the line it starts on and reading re-synchronises on the next line, so a
 * stray quote or a huge field never silently swallows the rows after it.
 */

/** One record: its fields and the physical line it starts on (1-based). */
export interface CsvRecord {
  kind: 'record';
  fields: string[];
  line: number;
}

/** A line that could not be read as a record; reading went on at the next line. */
export interface CsvDefect {
  kind: 'defect';
  line: number;
  problem: string;
}

/** The file cannot be trusted past some point (it ends inside a quoted field). */
export class CsvDamagedError extends Error {}

interface Line {
  text: string;
  /** The characters that ended it ('' at the end of the file). */
  eol: string;
  number: number;
  /** Longer than the limit: its text was dropped. */
  tooLong: boolean;
}

export interface CsvReaderOptions {
  /** Longest record, in characters (default 1,000,000). */
  maxRecordChars?: number;
}

const DEFAULT_MAX = 1_000_000;

/** Physical lines of a byte stream, decoded as UTF-8 (a BOM dropped); an over-long line is skipped in place. */
async function* physicalLines(input: Readable, max: number): AsyncGenerator<Line> {
  const decoder = new StringDecoder('utf8');
  let buf = '';
  let number = 0;
  let skipping = false; // inside an over-long line, dropping text until its end
  let first = true;
  const take = function* (final: boolean): Generator<Line> {
    let start = 0;
    for (;;) {
      let i = start;
      const n = buf.length;
      while (i < n) {
        const c = buf.charCodeAt(i);
        if (c === 10 || c === 13) break;
        i++;
      }
      if (i === n) break;
      // A CR at the very end of what has arrived may be the first half of a CRLF.
      if (buf.charCodeAt(i) === 13 && i + 1 === n && !final) break;
      const eol = buf.charCodeAt(i) === 13 && buf.charCodeAt(i + 1) === 10 ? '\r\n' : buf[i];
      number++;
      yield skipping || i - start > max ? { text: '', eol, number, tooLong: true } : { text: buf.slice(start, i), eol, number, tooLong: false };
      skipping = false;
      start = i + eol.length;
    }
    buf = buf.slice(start);
    if (buf.length > max) {
      skipping = true;
      buf = '';
    }
  };
  for await (const chunk of input) {
    buf += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (first && buf.length > 0) {
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
      first = false;
    }
    yield* take(false);
  }
  buf += decoder.end();
  if (first && buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
  yield* take(true);
  if (buf.length > 0 || skipping) {
    number++;
    yield skipping ? { text: '', eol: '', number, tooLong: true } : { text: buf, eol: '', number, tooLong: false };
  }
}

/** Parsing state of one record, fed one physical line at a time. */
class RecordState {
  readonly fields: string[] = [];
  private field = '';
  private atFieldStart = true;
  inQuotes = false;
  private afterQuote = false;
  /** Set when the record is malformed (text after a closing quote). */
  bad: string | null = null;
  length = 0;

  /** Feeds one line's text; returns when the line is consumed. */
  feed(text: string): void {
    this.length += text.length;
    if (!this.inQuotes && this.atFieldStart && this.fields.length === 0 && text.indexOf('"') < 0) {
      // Fast path: a plain line.
      const parts = text.split(',');
      for (let i = 0; i < parts.length - 1; i++) this.fields.push(parts[i]);
      this.field = parts[parts.length - 1];
      this.atFieldStart = this.field === '';
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (this.inQuotes) {
        if (c !== '"') {
          this.field += c;
        } else if (text[i + 1] === '"') {
          this.field += '"';
          i++;
        } else {
          this.inQuotes = false;
          this.afterQuote = true;
        }
      } else if (c === ',') {
        this.endField();
      } else if (this.afterQuote) {
        // Blanks after a closing quote are harmless; anything else means the quotes are off.
        if (c !== ' ' && c !== '\t') this.bad ??= 'text follows the closing quote of a field';
      } else if (c === '"' && this.atFieldStart) {
        this.inQuotes = true;
        this.atFieldStart = false;
      } else {
        this.field += c;
        this.atFieldStart = false;
      }
    }
  }

  /** A line end inside a quoted field is part of the value. */
  continueQuoted(eol: string): void {
    this.field += eol;
    this.length += eol.length;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.atFieldStart = true;
    this.afterQuote = false;
  }

  finish(): string[] {
    this.endField();
    return this.fields;
  }
}

/**
 * Reads records, re-synchronising after damage. `fits`, once set (from the header), lets a
 * quoted field that runs over several lines be checked: if the record it
 * makes is malformed or has another field count, the quote was stray — the first line is
 * reported and reading resumes on the next one.
 */
export class CsvRecordReader {
  /** Whether a record's field count fits the header; set once the header is known. */
  fits: ((fields: string[]) => boolean) | null = null;
  private readonly max: number;

  constructor(
    private readonly input: Readable,
    options: CsvReaderOptions = {},
  ) {
    this.max = options.maxRecordChars ?? DEFAULT_MAX;
  }

  async *records(): AsyncGenerator<CsvRecord | CsvDefect> {
    const lines = physicalLines(this.input, this.max);
    const replay: Line[] = []; // lines to read again, last one first
    const next = async (): Promise<Line | null> => {
      if (replay.length) return replay.pop()!;
      const r = await lines.next();
      return r.done ? null : r.value;
    };
    const limit = `${this.max.toLocaleString('en-US')} characters`;
    for (;;) {
      const first = await next();
      if (!first) return;
      if (first.tooLong) {
        yield { kind: 'defect', line: first.number, problem: `the line is longer than ${limit} (a field over 1 MB?)` };
        continue;
      }
      const state = new RecordState();
      const held: Line[] = [first];
      state.feed(first.text);
      let unclosed: 'eof' | 'too long' | null = null;
      while (state.inQuotes) {
        const line = held[held.length - 1];
        const more = line.eol === '' ? null : await next();
        if (!more) {
          unclosed = 'eof';
          break;
        }
        held.push(more);
        if (more.tooLong || state.length > this.max) {
          unclosed = 'too long';
          break;
        }
        state.continueQuoted(line.eol);
        state.feed(more.text);
      }
      if (unclosed === 'eof' && held.length === 1) {
        // Nothing follows the opening line: the file stops inside a quoted field, the mark of a cut-off file.
        throw new CsvDamagedError(`it ends inside a quoted field that opens on line ${first.number}, so the file looks cut off`);
      }
      const fields = unclosed ? null : state.finish();
      const multiLine = held.length > 1;
      const wrongWidth = fields !== null && multiLine && this.fits !== null && !this.fits(fields);
      if (unclosed || (multiLine && (state.bad || wrongWidth))) {
        // The quote opened on the first line was stray: report that line, read on from the next.
        for (let i = held.length - 1; i >= 1; i--) replay.push(held[i]);
        const why =
          unclosed === 'too long'
            ? `a quoted field that opens on this line is not closed within ${limit}`
            : unclosed
              ? 'a quoted field that opens on this line is never closed'
              : 'a quoted field that opens on this line runs past the line end and does not close cleanly (a stray quote?)';
        yield { kind: 'defect', line: first.number, problem: why };
        continue;
      }
      if (state.bad) {
        yield { kind: 'defect', line: first.number, problem: state.bad };
        continue;
      }
      yield { kind: 'record', fields: fields!, line: first.number };
    }
  }
}
