import { SourceKind } from './roster-enums.js';
import type { SourceConfig } from './source-config.crypto.js';
import { ValidationError } from '../errors.js';

/** Settings that are secrets: write-only, never returned or logged; the API says only whether and when each was set. */
export const SECRET_SETTINGS = ['token', 'clientSecret', 'password', 'privateKey'] as const;
export type SecretSetting = (typeof SECRET_SETTINGS)[number];

/** How the CLI and the dashboard name each setting in messages. */
const LABEL: Record<string, string> = {
  url: 'the URL (--url)',
  token: 'the token (--token)',
  path: 'the location (--path)',
  clientId: 'the client id (--client-id)',
  clientSecret: 'the client secret (--client-secret)',
  auth: 'the auth method (--auth)',
  tokenUrl: 'the token URL (--token-url)',
  password: 'the password (--password)',
  privateKey: 'the private key (--private-key)',
  hostKey: 'the host key (--host-key)',
};

/** A change of source settings: undefined keeps a setting; null or '' clears it (secrets too). */
export type SourceSettingsChange = { [K in keyof SourceConfig]?: SourceConfig[K] | null };

export const HOST_KEY = /^SHA256:[A-Za-z0-9+/]{43}=?$/;
const isRemote = (p: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(p);

/** A location as given: a local path is kept as is (the CLI makes it absolute), a URL must be sftp, https or http. */
export function checkLocation(path: string): void {
  if (!isRemote(path)) return;
  let url: URL;
  try {
    url = new URL(path);
  } catch {
    throw new ValidationError(`The location "${path.replace(/\/\/[^@/]*@/, '//…@')}" is not a valid URL`);
  }
  if (!['sftp:', 'https:', 'http:'].includes(url.protocol)) {
    throw new ValidationError(`The location must be a local path or an sftp://, https:// or http:// URL, not ${url.protocol}//`);
  }
  if (url.password) throw new ValidationError('Put the password in --password, not in the location URL (a URL is shown; a password never is)');
  if (url.protocol === 'sftp:' && !url.username) throw new ValidationError('An sftp:// location needs the user name: sftp://user@host/path');
}

/**
 * Checks a complete source configuration for a source kind, as the CLI and the API both
 * require; the message names the missing or rejected setting.
 */
export function validateSourceConfig(kind: SourceKind, c: SourceConfig): void {
  const need = (key: keyof SourceConfig, why: string) => {
    if (c[key] === undefined || c[key] === null || c[key] === '') throw new ValidationError(`A ${kind} district needs ${LABEL[key]}: ${why}`);
  };
  const httpUrl = (key: 'url' | 'tokenUrl') => {
    const v = c[key];
    if (v !== undefined && !/^https?:\/\/[^/\s]+/.test(v)) throw new ValidationError(`${capital(LABEL[key])} must start with http:// or https://, got "${v}"`);
  };
  httpUrl('url');
  httpUrl('tokenUrl');
  switch (kind) {
    case SourceKind.CLEVER_API:
      need('token', 'the Clever district token');
      break;
    case SourceKind.ONEROSTER_API:
      need('url', 'the base URL, e.g. https://sis.example.org/ims/oneroster/v1p1');
      need('clientId', 'the OAuth client id (the consumer key for OAuth 1.0a)');
      need('clientSecret', 'the OAuth client secret');
      if (c.auth !== undefined && c.auth !== 'oauth2' && c.auth !== 'oauth1')
        throw new ValidationError(`The auth method (--auth) must be oauth2 or oauth1, got "${c.auth}"`);
      if (c.signatureMethod !== undefined && c.signatureMethod !== 'HMAC-SHA256' && c.signatureMethod !== 'HMAC-SHA1') {
        throw new ValidationError(`The OAuth 1.0a signature method must be HMAC-SHA256 or HMAC-SHA1, got "${c.signatureMethod}"`);
      }
      if (c.pageSize !== undefined && (!Number.isInteger(c.pageSize) || c.pageSize < 1 || c.pageSize > 10000)) {
        throw new ValidationError(`The page size must be a whole number from 1 to 10000, got ${c.pageSize}`);
      }
      break;
    case SourceKind.CLEVER_CSV:
    case SourceKind.ONEROSTER_CSV:
      need('path', 'a folder, a .zip, or an sftp:// or https:// URL');
      checkLocation(c.path!);
      if (c.path!.startsWith('sftp://') && !c.password && !c.privateKey) {
        throw new ValidationError(`An sftp:// location needs ${LABEL.password} or ${LABEL.privateKey}`);
      }
      if (c.hostKey !== undefined && !HOST_KEY.test(c.hostKey)) {
        throw new ValidationError(
          `The host key (--host-key) must be a SHA256 fingerprint as \`homeroom district test\` prints it (SHA256:…, 43 characters after the colon), got "${c.hostKey}"`,
        );
      }
      if (c.privateKey !== undefined && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(c.privateKey)) {
        throw new ValidationError('The private key (--private-key) is not a PEM or OpenSSH private key file');
      }
      break;
    case SourceKind.DEMO:
      if (c.students !== undefined && (!Number.isInteger(c.students) || c.students < 1)) {
        throw new ValidationError(`A demo district needs a positive number of students, got ${c.students}`);
      }
      break;
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The configuration after a change: settings not named keep their value (so replacing one
 * secret does not need the others retyped), null or '' clears one, and every secret that
 * changes gets its time in `secretsChangedAt`.
 */
export function mergeSourceConfig(current: SourceConfig, change: SourceSettingsChange, now = new Date()): SourceConfig {
  const next: SourceConfig = { ...current, secretsChangedAt: { ...current.secretsChangedAt } };
  for (const [key, value] of Object.entries(change) as Array<[keyof SourceConfig, unknown]>) {
    if (value === undefined || key === 'secretsChangedAt') continue;
    const cleared = value === null || value === '';
    if ((SECRET_SETTINGS as readonly string[]).includes(key)) {
      if (cleared ? current[key] === undefined : current[key] === value) continue;
      if (cleared) delete next.secretsChangedAt![key];
      else next.secretsChangedAt![key] = now.toISOString();
    }
    if (cleared) delete next[key];
    else (next as Record<string, unknown>)[key] = value;
  }
  if (!Object.keys(next.secretsChangedAt!).length) delete next.secretsChangedAt;
  return next;
}

/** A new configuration: every secret given is stamped now. */
export function newSourceConfig(config: SourceConfig, now = new Date()): SourceConfig {
  return mergeSourceConfig({}, config, now);
}

export interface SecretState {
  name: SecretSetting;
  set: boolean;
  changedAt: string | null;
}

/** What may be shown of a source: everything but the secrets, which are only "set" (and when) or not. */
export function publicSourceSettings(c: SourceConfig) {
  return {
    location: c.path ?? c.url ?? null,
    url: c.url ?? null,
    path: c.path ?? null,
    clientId: c.clientId ?? null,
    auth: c.auth ?? null,
    tokenUrl: c.tokenUrl ?? null,
    hostKey: c.hostKey ?? null,
    secrets: SECRET_SETTINGS.map((name): SecretState => ({ name, set: !!c[name], changedAt: c[name] ? (c.secretsChangedAt?.[name] ?? null) : null })),
  };
}
