import { toCsv, type CsvColumn } from './csv';
import { entityLabel } from './format';

export interface ChangeRow {
  entityType: string;
  sourceId?: string | null;
  action: string;
  fields: ReadonlyArray<{ field: string; before?: string | null; after?: string | null }>;
}

/** The record's name from its fields (people: given + family name; others: name). */
export function changeName(c: ChangeRow): string {
  const f = (k: string) => c.fields.find((x) => x.field === k);
  const given = f('givenName');
  const family = f('familyName');
  if (given || family) return [given?.after ?? given?.before, family?.after ?? family?.before].filter(Boolean).join(' ');
  const name = f('name');
  return name?.after ?? name?.before ?? '';
}

const fieldList = (c: ChangeRow, side: 'before' | 'after') =>
  c.fields
    .filter((f) => f[side] != null)
    .map((f) => `${f.field}=${f[side]}`)
    .join('; ');

const COLUMNS: CsvColumn<ChangeRow>[] = [
  { header: 'Action', value: (c) => c.action },
  { header: 'Type', value: (c) => entityLabel(c.entityType) },
  { header: 'Source id', value: (c) => c.sourceId },
  { header: 'Name', value: (c) => changeName(c) },
  { header: 'Before', value: (c) => fieldList(c, 'before') },
  { header: 'After', value: (c) => fieldList(c, 'after') },
];

export function changesCsv(rows: readonly ChangeRow[]): string {
  return toCsv(rows, COLUMNS);
}
