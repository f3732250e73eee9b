import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Where a district's roster comes from. Stored encrypted: tokens are secrets. */
export interface SourceConfig {
  url?: string;
  token?: string;
  path?: string;
  /** OneRoster API: OAuth client (consumer key and secret for OAuth 1.0a). */
  clientId?: string;
  clientSecret?: string;
  auth?: 'oauth2' | 'oauth1';
  tokenUrl?: string;
  signatureMethod?: 'HMAC-SHA256' | 'HMAC-SHA1';
  pageSize?: number;
  /** Remote CSV exports: SFTP or HTTP basic-auth password, SFTP private key (PEM/OpenSSH text), pinned SFTP host key. */
  password?: string;
  privateKey?: string;
  hostKey?: string;
  /** When each secret was last set (ISO time), so the dashboard can say "set 3 days ago". */
  secretsChangedAt?: Record<string, string>;
  /** Demo source: size and seed of the generated district. */
  students?: number;
  seed?: number;
  perturbShare?: number;
  perturbSeed?: number;
  /** Demo source: whether next school year is generated too (default true). */
  nextYear?: boolean;
}

function keyOf(secret: Buffer): Buffer {
  return createHash('sha256').update(secret).digest();
}

/** AES-256-GCM; output is "v1:" + base64(iv | tag | ciphertext). */
export function encryptSourceConfig(config: SourceConfig, secret: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(config), 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export function decryptSourceConfig(encrypted: string, secret: Buffer): SourceConfig {
  if (!encrypted.startsWith('v1:')) throw new Error('Unknown source config format');
  const raw = Buffer.from(encrypted.slice(3), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
  } catch {
    throw new Error('Cannot decrypt the district source settings: SECRET_KEY differs from the one they were saved with');
  }
}
