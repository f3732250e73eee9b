import type { SourceKind, SourceSettingsInput } from '../gql/graphql.js';

/** One field of a source form: which kinds ask for it, and whether it is a write-only secret. */
export interface SourceField {
  key: Extract<keyof SourceSettingsInput, string>;
  label: string;
  kinds: SourceKind[];
  secret?: boolean;
  placeholder?: string;
  /** Shown only when the location is of this scheme (sftp, http). */
  when?: (location: string) => boolean;
  multiline?: boolean;
}

const CSV: SourceKind[] = ['CLEVER_CSV' as SourceKind, 'ONEROSTER_CSV' as SourceKind];
const sftp = (l: string) => l.startsWith('sftp://');
const http = (l: string) => /^https?:\/\//.test(l);

export const SOURCE_KIND_OPTIONS = [
  { label: 'Clever API', value: 'CLEVER_API' },
  { label: 'OneRoster API (1.1 REST)', value: 'ONEROSTER_API' },
  { label: 'Clever CSV export', value: 'CLEVER_CSV' },
  { label: 'OneRoster CSV export', value: 'ONEROSTER_CSV' },
  { label: 'Demo (generated)', value: 'DEMO' },
];

export const SOURCE_FIELDS: SourceField[] = [
  { key: 'url', label: 'API base URL', kinds: ['CLEVER_API', 'ONEROSTER_API'] as SourceKind[], placeholder: 'https://sis.example.org/ims/oneroster/v1p1' },
  { key: 'token', label: 'District token', kinds: ['CLEVER_API'] as SourceKind[], secret: true },
  { key: 'clientId', label: 'Client id', kinds: ['ONEROSTER_API'] as SourceKind[] },
  { key: 'clientSecret', label: 'Client secret', kinds: ['ONEROSTER_API'] as SourceKind[], secret: true },
  { key: 'auth', label: 'Auth (oauth2 or oauth1)', kinds: ['ONEROSTER_API'] as SourceKind[], placeholder: 'oauth2' },
  { key: 'tokenUrl', label: 'Token URL (OAuth 2)', kinds: ['ONEROSTER_API'] as SourceKind[], placeholder: 'default: <base URL>/token' },
  { key: 'path', label: 'Export location', kinds: CSV, placeholder: 'sftp://user@host/exports/roster.zip, https://…/export.zip or a server path' },
  { key: 'password', label: 'Password', kinds: CSV, secret: true, when: (l) => sftp(l) || http(l) },
  { key: 'privateKey', label: 'SFTP private key', kinds: CSV, secret: true, when: sftp, multiline: true },
  { key: 'hostKey', label: 'SFTP host key (SHA256:…)', kinds: CSV, when: sftp, placeholder: 'Test the connection to see the server’s fingerprint' },
  { key: 'token', label: 'Bearer token', kinds: CSV, secret: true, when: http },
];

/** The fields to show for a kind and location. */
export function fieldsFor(kind: SourceKind | null, location: string): SourceField[] {
  if (!kind) return [];
  return SOURCE_FIELDS.filter((f) => f.kinds.includes(kind) && (!f.when || f.when(location.trim())));
}

/**
 * The input to send: blank secrets are left out (the stored one is kept), other blank
 * fields too unless they were set before (then '' clears them).
 */
export function sourceInput(kind: SourceKind | null, values: Record<string, string>, previously: Record<string, string | null> = {}): SourceSettingsInput {
  const input: Record<string, string> = {};
  const location = values.path ?? '';
  for (const f of fieldsFor(kind, location)) {
    const v = (values[f.key] ?? '').trim();
    if (v) input[f.key] = f.key === 'privateKey' ? `${values[f.key].trim()}\n` : v;
    else if (!f.secret && previously[f.key]) input[f.key] = '';
  }
  return input as SourceSettingsInput;
}
