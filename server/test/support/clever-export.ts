import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRng } from './faults-csv.js';

/** Sizes of a generated Clever district CSV export. */
export interface CleverExportShape {
  schools: number;
  teachersPerSchool: number;
  studentsPerSchool: number;
  sectionsPerTeacher: number;
  studentsPerSection: number;
  seed?: number;
}

export const REAL_DISTRICT: CleverExportShape = {
  schools: 3,
  teachersPerSchool: 30,
  studentsPerSchool: 335,
  sectionsPerTeacher: 4,
  studentsPerSection: 26,
  seed: 11,
};

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][]) => rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
const LAST = ['Garcia', 'Smith', "O'Brien", 'Nguyen', 'Johnson', 'Lee, Jr.', 'Martinez', 'Brown', 'Davis', 'Wilson'];
const FIRST = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Finn', 'Grace', 'Hugo', 'Iris', 'Jamal'];

/**
 * Writes a deterministic Clever district CSV export as districts send it (CRLF line endings,
 * quoted fields with commas, M/D/YY dates, blank optional columns) into `dir`; returns the
 * record counts.
 */
export function writeCleverExport(dir: string, shape: CleverExportShape): { people: number; teachers: number; sections: number; enrollments: number } {
  mkdirSync(dir, { recursive: true });
  const rng = seededRng(shape.seed ?? 1);
  const name = () => [FIRST[Math.floor(rng() * FIRST.length)], LAST[Math.floor(rng() * LAST.length)]];
  const schools = [['School_id', 'School_name', 'School_number', 'Low_grade', 'High_grade', 'Principal']];
  const teachers = [['Teacher_id', 'School_id', 'First_name', 'Last_name', 'Teacher_email', 'Teacher_number']];
  const students = [['Student_id', 'School_id', 'First_name', 'Last_name', 'Grade', 'Student_number', 'Student_email']];
  const sections = [
    [
      'Section_id',
      'School_id',
      'Teacher_id',
      'Teacher_2_id',
      'Name',
      'Section_number',
      'Grade',
      'Course_name',
      'Course_number',
      'Period',
      'Subject',
      'Term_name',
      'Term_start',
      'Term_end',
    ],
  ];
  const enrollments = [['School_id', 'Section_id', 'Student_id']];
  for (let s = 0; s < shape.schools; s++) {
    const school = `sch-${s}`;
    schools.push([school, `School ${s}, Campus ${String.fromCharCode(65 + (s % 26))}`, `${100 + s}`, 'K', '8', `Principal ${s}`]);
    const studentIds = Array.from({ length: shape.studentsPerSchool }, (_, i) => `stu-${s}-${i}`);
    for (const id of studentIds) {
      const [first, last] = name();
      students.push([id, school, first, last, String(1 + Math.floor(rng() * 8)), id.replace(/\D/g, ''), `${id}@students.example.org`]);
    }
    for (let t = 0; t < shape.teachersPerSchool; t++) {
      const teacher = `tch-${s}-${t}`;
      const [first, last] = name();
      teachers.push([teacher, school, first, last, `${teacher}@example.org`, '']);
      for (let k = 0; k < shape.sectionsPerTeacher; k++) {
        const section = `sec-${s}-${t}-${k}`;
        const co = rng() < 0.2 ? `tch-${s}-${(t + 1) % shape.teachersPerSchool}` : '';
        sections.push([
          section,
          school,
          teacher,
          co,
          `Math ${t}-${k}, Period ${k + 1}`,
          `${t}${k}`,
          '5',
          `Math ${k}`,
          `M${k}`,
          String(k + 1),
          'math',
          'Year 2026',
          '8/15/26',
          '6/10/27',
        ]);
        const start = Math.floor(rng() * studentIds.length);
        for (let e = 0; e < shape.studentsPerSection; e++) enrollments.push([school, section, studentIds[(start + e) % studentIds.length]]);
      }
    }
  }
  const files: Record<string, string[][]> = {
    'schools.csv': schools,
    'teachers.csv': teachers,
    'students.csv': students,
    'sections.csv': sections,
    'enrollments.csv': enrollments,
  };
  for (const [file, rows] of Object.entries(files)) writeFileSync(join(dir, file), csv(rows));
  const dedup = new Set(enrollments.slice(1).map((r) => `${r[1]}|${r[2]}`)).size;
  const coTeachers = sections.slice(1).filter((r) => r[3]).length;
  return {
    people: students.length - 1 + teachers.length - 1,
    teachers: teachers.length - 1,
    sections: sections.length - 1,
    enrollments: dedup + sections.length - 1 + coTeachers,
  };
}

/** Keeps the first `bytes` of a file, cut back to the last whole line (an upload that stopped). */
export function cutFile(path: string, bytes: number): void {
  const text = readFileSync(path, 'utf8').slice(0, bytes);
  writeFileSync(path, text.slice(0, text.lastIndexOf('\r\n') + 2));
}

/** Rewrites a CSV file's data rows. */
export function editRows(path: string, edit: (rows: string[][]) => string[][]): void {
  const lines = readFileSync(path, 'utf8').split('\r\n').filter(Boolean);
  const [header, ...rows] = lines.map(parseLine);
  writeFileSync(path, csv([header, ...edit(rows)]));
}

/** One CSV line (no line breaks inside quotes in these exports) into its cells. */
function parseLine(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}
