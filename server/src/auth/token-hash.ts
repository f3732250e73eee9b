import { createHash } from 'node:crypto';

/** Secrets (session and API tokens) are random and long, so a fast SHA-256 is enough to store them. */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
