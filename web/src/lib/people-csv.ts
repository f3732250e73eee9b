import { toCsv, type CsvColumn } from './csv.js';

export interface CsvPerson {
  sourceId: string;
  givenName: string;
  familyName: string;
  email?: string | null;
  username?: string | null;
  sisId?: string | null;
  grade?: string | null;
  schools: ReadonlyArray<{ name: string }>;
}

const COLUMNS: CsvColumn<CsvPerson>[] = [
  { header: 'First name', value: (p) => p.givenName },
  { header: 'Last name', value: (p) => p.familyName },
  { header: 'Email', value: (p) => p.email },
  { header: 'Username', value: (p) => p.username },
  { header: 'SIS id', value: (p) => p.sisId },
  { header: 'Source id', value: (p) => p.sourceId },
  { header: 'Grade', value: (p) => p.grade },
  { header: 'Schools', value: (p) => p.schools.map((s) => s.name).join('; ') },
];

/** The CSV admins hand to license/content assignment: one row per new person. */
export function peopleCsv(people: readonly CsvPerson[], role: 'TEACHER' | 'STUDENT'): string {
  return toCsv(people, role === 'TEACHER' ? COLUMNS.filter((c) => c.header !== 'Grade') : COLUMNS);
}
