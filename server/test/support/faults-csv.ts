// Generated malformed rostering exports (Clever district CSV and OneRoster 1.1 CSV) for fault
// tests: a small valid district built from a seeded PRNG, then 1–3 damaging mutations.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { writeZip } from './zip-writer.js';

export type Rng = () => number;

/** mulberry32: small, fast, deterministic. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

type Table = string[][]; // header + rows
interface Export {
  kind: SourceKind.CLEVER_CSV | SourceKind.ONEROSTER_CSV;
  tables: Record<string, Table>;
  /** Per file: [id column, reference columns]. */
  keys: Record<string, { id?: string; refs: string[] }>;
}

function cleverExport(rng: Rng): Export {
  const schools = int(rng, 1, 3);
  const teachers = int(rng, 2, 5);
  const students = int(rng, 5, 25);
  const sections = int(rng, 2, 5);
  const sch = (i: number) => `sch${i % schools}`;
  const t: Record<string, Table> = {
    'schools.csv': [
      ['School_id', 'School_name', 'School_number', 'Low_grade', 'High_grade', 'Principal'],
      ...Array.from({ length: schools }, (_, i) => [sch(i), `School ${i}`, `${100 + i}`, 'K', '5', `Principal ${i}`]),
    ],
    'teachers.csv': [
      ['Teacher_id', 'School_id', 'First_name', 'Last_name', 'Teacher_email', 'Teacher_number'],
      ...Array.from({ length: teachers }, (_, i) => [`t${i}`, sch(i), `Tea${i}`, `Cher${i}`, `t${i}@d.org`, `T${i}`]),
    ],
    'students.csv': [
      ['Student_id', 'School_id', 'First_name', 'Last_name', 'Grade', 'Student_number', 'Student_email'],
      ...Array.from({ length: students }, (_, i) => [`s${i}`, sch(i), `Stu${i}`, `Dent${i}`, String(int(rng, 1, 5)), `S${i}`, `s${i}@d.org`]),
    ],
    'sections.csv': [
      ['Section_id', 'School_id', 'Teacher_id', 'Teacher_2_id', 'Name', 'Course_name', 'Course_number', 'Period', 'Term_name', 'Term_start', 'Term_end'],
      ...Array.from({ length: sections }, (_, i) => [
        `sec${i}`,
        sch(i),
        `t${i % teachers}`,
        rng() < 0.3 ? `t${(i + 1) % teachers}` : '',
        `Class ${i}`,
        `Course ${i % 2}`,
        `C${i % 2}`,
        String(i + 1),
        'Year',
        '8/15/26',
        '6/15/27',
      ]),
    ],
    'enrollments.csv': [
      ['School_id', 'Section_id', 'Student_id'],
      ...Array.from({ length: students }, (_, i) => [sch(i % sections), `sec${i % sections}`, `s${i}`]),
    ],
  };
  return {
    kind: SourceKind.CLEVER_CSV,
    tables: t,
    keys: {
      'schools.csv': { id: 'School_id', refs: [] },
      'teachers.csv': { id: 'Teacher_id', refs: ['School_id'] },
      'students.csv': { id: 'Student_id', refs: ['School_id'] },
      'sections.csv': { id: 'Section_id', refs: ['School_id', 'Teacher_id', 'Teacher_2_id'] },
      'enrollments.csv': { refs: ['School_id', 'Section_id', 'Student_id'] },
    },
  };
}

function oneRosterExport(rng: Rng): Export {
  const schools = int(rng, 1, 3);
  const teachers = int(rng, 2, 4);
  const students = int(rng, 5, 20);
  const classes = int(rng, 2, 4);
  const org = (i: number) => `o${i % schools}`;
  const t: Record<string, Table> = {
    'manifest.csv': [
      ['propertyName', 'value'],
      ['manifest.version', '1.0'],
      ['oneroster.version', '1.1'],
      ...['academicSessions', 'classes', 'courses', 'enrollments', 'orgs', 'users'].map((f) => [`file.${f}`, 'bulk']),
      ...['categories', 'classResources', 'courseResources', 'demographics', 'lineItems', 'resources', 'results'].map((f) => [`file.${f}`, 'absent']),
    ],
    'orgs.csv': [
      ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
      ['d1', 'active', '', 'District', 'district', '', ''],
      ...Array.from({ length: schools }, (_, i) => [org(i), 'active', '', `School ${i}`, 'school', `SC${i}`, 'd1']),
    ],
    'academicSessions.csv': [
      ['sourcedId', 'status', 'dateLastModified', 'title', 'type', 'startDate', 'endDate', 'parentSourcedId', 'schoolYear'],
      ['y1', 'active', '', '2026-27', 'schoolYear', '2026-08-01', '2027-06-30', '', '2027'],
    ],
    'courses.csv': [
      ['sourcedId', 'status', 'dateLastModified', 'schoolYearSourcedId', 'title', 'courseCode', 'grades', 'orgSourcedId', 'subjects', 'subjectCodes'],
      ['c1', 'active', '', 'y1', 'Math', 'M1', '03', 'o0', 'Math', ''],
      ['c2', 'active', '', 'y1', 'Reading', 'R1', '03', 'o0', 'Reading', ''],
    ],
    'classes.csv': [
      [
        'sourcedId',
        'status',
        'dateLastModified',
        'title',
        'grades',
        'courseSourcedId',
        'classCode',
        'classType',
        'location',
        'schoolSourcedId',
        'termSourcedIds',
        'subjects',
        'subjectCodes',
        'periods',
      ],
      ...Array.from({ length: classes }, (_, i) => [
        `k${i}`,
        'active',
        '',
        `Class ${i}`,
        '03',
        `c${(i % 2) + 1}`,
        `K${i}`,
        'scheduled',
        '',
        org(i),
        'y1',
        '',
        '',
        String(i + 1),
      ]),
    ],
    'users.csv': [
      [
        'sourcedId',
        'status',
        'dateLastModified',
        'enabledUser',
        'orgSourcedIds',
        'role',
        'username',
        'userIds',
        'givenName',
        'familyName',
        'middleName',
        'identifier',
        'email',
        'sms',
        'phone',
        'agentSourcedIds',
        'grades',
        'password',
      ],
      ...Array.from({ length: teachers }, (_, i) => [
        `ut${i}`,
        'active',
        '',
        'true',
        org(i),
        'teacher',
        `ut${i}`,
        '',
        `Tea${i}`,
        `Cher${i}`,
        '',
        `T${i}`,
        `ut${i}@d.org`,
        '',
        '',
        '',
        '',
        '',
      ]),
      ...Array.from({ length: students }, (_, i) => [
        `us${i}`,
        'active',
        '',
        'true',
        org(i),
        'student',
        `us${i}`,
        '',
        `Stu${i}`,
        `Dent${i}`,
        '',
        `S${i}`,
        `us${i}@d.org`,
        '',
        '',
        '',
        '03',
        '',
      ]),
    ],
    'enrollments.csv': [
      ['sourcedId', 'status', 'dateLastModified', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role', 'primary', 'beginDate', 'endDate'],
      ...Array.from({ length: classes }, (_, i) => [`et${i}`, 'active', '', `k${i}`, org(i), `ut${i % teachers}`, 'teacher', 'true', '', '']),
      ...Array.from({ length: students }, (_, i) => [`es${i}`, 'active', '', `k${i % classes}`, org(i % classes), `us${i}`, 'student', 'false', '', '']),
    ],
  };
  return {
    kind: SourceKind.ONEROSTER_CSV,
    tables: t,
    keys: {
      'orgs.csv': { id: 'sourcedId', refs: ['parentSourcedId'] },
      'academicSessions.csv': { id: 'sourcedId', refs: [] },
      'courses.csv': { id: 'sourcedId', refs: ['orgSourcedId', 'schoolYearSourcedId'] },
      'classes.csv': { id: 'sourcedId', refs: ['courseSourcedId', 'schoolSourcedId', 'termSourcedIds'] },
      'users.csv': { id: 'sourcedId', refs: ['orgSourcedIds'] },
      'enrollments.csv': { id: 'sourcedId', refs: ['classSourcedId', 'schoolSourcedId', 'userSourcedId'] },
    },
  };
}

/** How one file is written out, and byte-level damage done after. */
interface FileForm {
  delimiter: string;
  eol: string;
  bom: boolean;
  damage: Array<(b: Buffer, rng: Rng) => Buffer>;
}

const quote = (cell: string, delimiter: string) => (/["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell);

function serialize(table: Table, form: FileForm, rng: Rng): Buffer {
  const text = table.map((row) => row.map((c) => quote(c, form.delimiter)).join(form.delimiter)).join(form.eol) + (rng() < 0.8 ? form.eol : '');
  let buf: Buffer = Buffer.concat([form.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  for (const d of form.damage) buf = d(buf, rng);
  return buf;
}

const insertAt = (b: Buffer, at: number, bytes: Buffer) => Buffer.concat([b.subarray(0, at), bytes, b.subarray(at)]);

type Mutation = { name: string; apply(e: Export, forms: Record<string, FileForm>, rng: Rng): void };
const dataFiles = (e: Export) => Object.keys(e.tables).filter((f) => f !== 'manifest.csv' && e.tables[f].length > 0);
/** A data file's table to damage (a throwaway one when every file is already gone or empty). */
const anyTable = (e: Export, rng: Rng): Table => (dataFiles(e).length ? e.tables[pick(rng, dataFiles(e))] : [['x']]);
const randomRow = (t: Table, rng: Rng) => (t.length > 1 ? int(rng, 1, t.length - 1) : -1);

export const MUTATIONS: Mutation[] = [
  {
    name: 'truncated row',
    apply(e, _f, rng) {
      const t = anyTable(e, rng);
      const r = randomRow(t, rng);
      if (r > 0) t[r] = t[r].slice(0, int(rng, 0, t[r].length - 1));
    },
  },
  {
    name: 'extra fields',
    apply(e, _f, rng) {
      const t = anyTable(e, rng);
      const r = randomRow(t, rng);
      if (r > 0) t[r].push('surprise', 'more');
    },
  },
  {
    name: 'missing header',
    apply(e, _f, rng) {
      const t = anyTable(e, rng);
      t.shift();
    },
  },
  {
    name: 'missing column',
    apply(e, _f, rng) {
      const t = anyTable(e, rng);
      const c = int(rng, 0, t[0].length - 1);
      for (const row of t) row.splice(c, 1);
    },
  },
  {
    name: 'renamed header',
    apply(e, _f, rng) {
      const t = anyTable(e, rng);
      const c = int(rng, 0, t[0].length - 1);
      t[0][c] = pick(rng, [` ${t[0][c]} `, t[0][c].toUpperCase(), `${t[0][c]}_x`, '', t[0][0]]);
    },
  },
  {
    name: 'duplicate ids',
    apply(e, _f, rng) {
      if (!dataFiles(e).length) return;
      const f = pick(rng, dataFiles(e));
      const t = e.tables[f];
      const r = randomRow(t, rng);
      if (r > 0)
        for (let i = int(rng, 1, 3); i > 0; i--) t.push(t[r].map((c, j) => (j === t[0].indexOf(e.keys[f]?.id ?? '') ? c : rng() < 0.3 ? `${c}-dup` : c)));
    },
  },
  {
    name: 'dangling reference',
    apply(e, _f, rng) {
      const files = dataFiles(e).filter((x) => e.keys[x]?.refs.length);
      if (!files.length) return;
      const f = pick(rng, files);
      const t = e.tables[f];
      for (let i = int(rng, 1, 4); i > 0; i--) {
        const r = randomRow(t, rng);
        const c = t[0].indexOf(pick(rng, e.keys[f].refs));
        if (r > 0 && c >= 0) t[r][c] = `ghost-${int(rng, 1, 999)}`;
      }
    },
  },
  {
    name: 'blank values',
    apply(e, _f, rng) {
      const t = anyTable(e, rng);
      for (let i = int(rng, 1, 6); i > 0; i--) {
        const r = randomRow(t, rng);
        if (r > 0) t[r][int(rng, 0, t[r].length - 1)] = pick(rng, ['', ' ', '""', 'null']);
      }
    },
  },
  {
    name: 'huge field',
    apply(e, _f, rng) {
      const t = anyTable(e, rng);
      const r = randomRow(t, rng);
      if (r > 0) t[r][int(rng, 0, t[r].length - 1)] = pick(rng, ['x', 'é', 'a,b', 'q"q']).repeat(int(rng, 100_000, 600_000));
    },
  },
  {
    name: 'bad dates',
    apply(e, _f, rng) {
      const f = e.kind === SourceKind.CLEVER_CSV ? 'sections.csv' : 'academicSessions.csv';
      const t = e.tables[f];
      const cols = e.kind === SourceKind.CLEVER_CSV ? ['Term_start', 'Term_end'] : ['startDate', 'endDate'];
      const r = randomRow(t, rng);
      const c = t[0].indexOf(pick(rng, cols));
      if (r > 0 && c >= 0) t[r][c] = pick(rng, ['13/45/99', 'soon', '2026-02-30', '0/0/0', '99999-01-01', '6/15/27 10:00', '']);
    },
  },
  {
    name: 'missing file',
    apply(e, _f, rng) {
      delete e.tables[pick(rng, Object.keys(e.tables))];
    },
  },
  {
    name: 'empty file',
    apply(e, _f, rng) {
      e.tables[pick(rng, Object.keys(e.tables))] = [];
    },
  },
  {
    name: 'header only',
    apply(e, _f, rng) {
      if (dataFiles(e).length) {
        const f = pick(rng, dataFiles(e));
        e.tables[f] = e.tables[f].slice(0, 1);
      }
    },
  },
  {
    name: 'wrong delimiter',
    apply(e, forms, rng) {
      forms[pick(rng, Object.keys(e.tables))].delimiter = pick(rng, [';', '\t', '|']);
    },
  },
  {
    name: 'mixed line endings',
    apply(e, forms, rng) {
      for (const f of Object.keys(e.tables)) forms[f].eol = pick(rng, ['\r', '\n', '\r\n']);
    },
  },
  {
    name: 'byte order mark',
    apply(e, forms, rng) {
      forms[pick(rng, Object.keys(e.tables))].bom = true;
    },
  },
  {
    name: 'invalid UTF-8',
    apply(e, forms, rng) {
      forms[pick(rng, Object.keys(e.tables))].damage.push((b, r) => {
        let out = b;
        for (let i = int(r, 1, 5); i > 0; i--)
          out = insertAt(
            out,
            int(r, 0, out.length),
            Buffer.from(pick(r, [[0xff], [0xfe, 0xfe], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]])),
          );
        return out;
      });
    },
  },
  {
    name: 'truncated file',
    apply(e, forms, rng) {
      forms[pick(rng, Object.keys(e.tables))].damage.push((b, r) => b.subarray(0, int(r, 0, b.length)));
    },
  },
  {
    name: 'unbalanced quote',
    apply(e, forms, rng) {
      forms[pick(rng, Object.keys(e.tables))].damage.push((b, r) => insertAt(b, int(r, 0, b.length), Buffer.from('"')));
    },
  },
  {
    name: 'NUL and control bytes',
    apply(e, forms, rng) {
      forms[pick(rng, Object.keys(e.tables))].damage.push((b, r) => insertAt(b, int(r, 0, b.length), Buffer.from([0, 1, 0x1b, 0x7f, 0])));
    },
  },
  {
    name: 'binary garbage',
    apply(e, forms, rng) {
      forms[pick(rng, Object.keys(e.tables))].damage.push((_b, r) => Buffer.from(Array.from({ length: int(r, 1, 4000) }, () => int(r, 0, 255))));
    },
  },
];

export interface MalformedCase {
  n: number;
  kind: SourceKind.CLEVER_CSV | SourceKind.ONEROSTER_CSV;
  mutations: string[];
  /** A folder, or a zip file (possibly damaged). */
  path: string;
}

/** Writes malformed export number `n` under `root` and says what was done to it. */
export function writeMalformedCase(root: string, seed: number, n: number): MalformedCase {
  const rng = seededRng(seed * 100_003 + n);
  const e = rng() < 0.5 ? cleverExport(rng) : oneRosterExport(rng);
  const forms: Record<string, FileForm> = {};
  const eol = pick(rng, ['\r\n', '\n', '\r']);
  for (const f of Object.keys(e.tables)) forms[f] = { delimiter: ',', eol, bom: false, damage: [] };
  const mutations: string[] = [];
  for (let i = int(rng, 1, 3); i > 0; i--) {
    const m = pick(rng, MUTATIONS);
    m.apply(e, forms, rng);
    mutations.push(m.name);
  }
  const files = Object.entries(e.tables).map(([name, t]) => ({ name, data: serialize(t, forms[name], rng) }));
  const dir = join(root, `case-${n}`);
  mkdirSync(dir, { recursive: true });
  const asZip = rng() < 0.2;
  if (!asZip) {
    for (const f of files) writeFileSync(join(dir, f.name), f.data);
    return { n, kind: e.kind, mutations, path: dir };
  }
  const zip = join(dir, 'export.zip');
  writeZip(
    zip,
    files.map((f) => ({ name: f.name, data: f.data, method: rng() < 0.5 ? 8 : 0 })),
  );
  if (rng() < 0.3) {
    mutations.push('truncated zip');
    const b = readFileSync(zip);
    writeFileSync(zip, b.subarray(0, int(rng, 0, b.length - 1)));
  }
  return { n, kind: e.kind, mutations, path: zip };
}
