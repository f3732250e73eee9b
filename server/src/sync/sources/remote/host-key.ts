import { createHash } from 'node:crypto';

/** The SHA256 fingerprint of an SSH host key blob, as `ssh-keygen -l` prints it: "SHA256:" + unpadded base64. */
export function hostKeyFingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** Fingerprints compare without the optional trailing "=". */
export const sameFingerprint = (a: string, b: string) => a.replace(/=+$/, '') === b.replace(/=+$/, '');
