import { stat } from 'node:fs/promises';
import { basename, join, posix } from 'node:path';
import SftpClient from 'ssh2-sftp-client';
import { sleep } from '../retrying-http.js';
import { hostKeyFingerprint, sameFingerprint } from './host-key.js';
import { SourceError } from '../../../errors.js';

export interface SftpLocation {
  /** sftp://user@host[:port]/path/export.zip or …/folder/ */
  url: string;
  password?: string;
  privateKey?: string;
  /** The pinned SHA256 fingerprint; without one nothing is downloaded (the fingerprint seen is reported). */
  hostKey?: string;
}

export interface TransferOptions {
  /** Pause between the two looks at a file's size that tell whether it is still being written; default 3 s. */
  stableWaitMs?: number;
  /** Looks before a file that keeps changing fails the run; default 4. */
  stableChecks?: number;
  /** Connection and handshake timeout; default 20 s. */
  timeoutMs?: number;
}

/** What one download gave: the local file or folder, and the host key the server showed. */
export interface Downloaded {
  localPath: string;
  hostKey?: string;
}

/** A readable URL: never a password (checkLocation refuses one in the URL anyway). */
export const shownUrl = (url: URL) => `${url.protocol}//${url.username ? `${decodeURIComponent(url.username)}@` : ''}${url.host}${url.pathname}`;

interface RemoteFile {
  name: string;
  size: number;
  modifyTime: number;
}

/**
 * Downloads an export from an SFTP server: one file (a zip) or every .csv file of a folder
 * (a URL ending in "/"). The server's host key must match the pinned fingerprint before any
 * password or key is sent; a file whose size or time changes between two looks is still
 * being written (waited for, then the run fails); each downloaded file must have the size
 * the server listed.
 */
export async function downloadSftp(location: SftpLocation, into: string, o: TransferOptions = {}, signal?: AbortSignal): Promise<Downloaded> {
  const url = new URL(location.url);
  const where = shownUrl(url);
  const host = `${url.hostname}:${url.port || 22}`;
  let seen: string | undefined;
  let mismatch = false;
  // Errors surface through the operations' promises; the library's default listeners would print to the console.
  const quiet = () => undefined;
  const client = new SftpClient('homeroom', { error: quiet, end: quiet, close: quiet });
  const onAbort = () => void client.end().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    try {
      await client.connect({
        host: url.hostname,
        port: Number(url.port || 22),
        username: decodeURIComponent(url.username),
        password: location.password,
        privateKey: location.privateKey,
        readyTimeout: o.timeoutMs ?? 20_000,
        // Checked before authentication: an unknown server never sees the password or key.
        hostVerifier: (key: Buffer) => {
          seen = hostKeyFingerprint(key);
          mismatch = !location.hostKey || !sameFingerprint(seen, location.hostKey);
          return !mismatch;
        },
      } as SftpClient.ConnectOptions);
    } catch (e) {
      signal?.throwIfAborted();
      if (mismatch && seen && !location.hostKey) {
        throw new SourceError(
          `The SFTP server ${host} is not trusted yet: its host key is ${seen}; pin it with --host-key ${seen} after checking it with the server's administrator`,
        );
      }
      if (mismatch && seen) {
        throw new SourceError(
          `The SFTP server ${host} showed host key ${seen}, not the pinned ${location.hostKey}: nothing was downloaded (if the server's key really changed, pin the new one with --host-key)`,
        );
      }
      throw new SourceError(`Could not connect to the SFTP server ${host}: ${sshMessage(e, location)}`);
    }
    const remotePath = decodeURIComponent(url.pathname);
    const folder = remotePath.endsWith('/');
    const files = await stableListing(client, remotePath, folder, where, o, signal);
    for (const f of files) {
      signal?.throwIfAborted();
      const local = join(into, f.name);
      const from = folder ? posix.join(remotePath, f.name) : remotePath;
      try {
        await client.fastGet(from, local);
      } catch (e) {
        signal?.throwIfAborted();
        throw new SourceError(`Downloading ${from} from the SFTP server ${host} failed: ${sshMessage(e, location)}`);
      }
      const got = (await stat(local)).size;
      if (got !== f.size)
        throw new SourceError(`Downloading ${from} from the SFTP server ${host} gave ${got} of its ${f.size} bytes: the file changed or the connection broke`);
    }
    return { localPath: folder ? into : join(into, files[0].name), hostKey: seen };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await client.end().catch(() => undefined);
  }
}

/** The files to download, once two looks `stableWaitMs` apart agree on every size and time. */
async function stableListing(
  client: SftpClient,
  path: string,
  folder: boolean,
  where: string,
  o: TransferOptions,
  signal?: AbortSignal,
): Promise<RemoteFile[]> {
  const look = async (): Promise<RemoteFile[]> => {
    try {
      if (folder) {
        const list = await client.list(path);
        return list
          .filter((f) => f.type === '-' && /\.(csv|zip)$/i.test(f.name))
          .map((f) => ({ name: f.name, size: f.size, modifyTime: f.modifyTime }))
          .sort((a, b) => a.name.localeCompare(b.name));
      }
      const s = await client.stat(path);
      if (!s.isFile) throw new SourceError(`${where} is a folder: end the URL with "/" to read the CSV files in it`);
      return [{ name: basename(path), size: s.size, modifyTime: s.modifyTime }];
    } catch (e) {
      if (e instanceof SourceError) throw e;
      const code = (e as { code?: number | string }).code;
      if (code === 2 || code === 'ENOENT' || /no such file/i.test(String((e as Error).message)))
        throw new SourceError(`${where} was not found on the SFTP server`);
      if (code === 3 || /permission denied/i.test(String((e as Error).message)))
        throw new SourceError(`${where} cannot be read: permission denied on the SFTP server`);
      throw new SourceError(`${where} could not be listed: ${(e as Error).message}`);
    }
  };
  const same = (a: RemoteFile[], b: RemoteFile[]) =>
    a.length === b.length && a.every((f, i) => f.name === b[i].name && f.size === b[i].size && f.modifyTime === b[i].modifyTime);
  let before = await look();
  if (before.length === 0) throw new SourceError(`The export folder ${where} has no .csv or .zip files`);
  const checks = o.stableChecks ?? 4;
  for (let i = 0; i < checks; i++) {
    await sleep(o.stableWaitMs ?? 3000, signal);
    const after = await look();
    if (same(before, after)) return after;
    before = after;
  }
  throw new SourceError(
    `The export ${where} is still being written (its size kept changing for ${Math.round((checks * (o.stableWaitMs ?? 3000)) / 1000)} s); the run was stopped before reading it`,
  );
}

/** An ssh2 error in words, never with a secret. */
function sshMessage(e: unknown, location: SftpLocation): string {
  const err = e as Error & { code?: string; level?: string };
  const text = String(err?.message ?? e);
  if (err.level === 'client-authentication' || /authentication methods failed/i.test(text)) {
    return `the server refused the ${location.privateKey ? 'private key' : 'password'} for this user`;
  }
  if (/ECONNREFUSED/.test(text) || err.code === 'ECONNREFUSED') return 'the connection was refused (ECONNREFUSED)';
  if (/before handshake|handshake failed|protocol version/i.test(text))
    return 'the server closed the connection before the SSH handshake (is an SFTP server listening on that port?)';
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return 'the host name was not found';
  if (/timed out|ETIMEDOUT/i.test(text)) return 'no answer in time (timed out)';
  if (/privateKey|private key|Unsupported key format|Cannot parse/i.test(text)) return 'the private key could not be read (wrong format or a passphrase)';
  const clean = text.replace(/^connect: /, '').replace(/\s+/g, ' ');
  for (const secret of [location.password, location.privateKey]) if (secret && clean.includes(secret)) return 'the connection failed';
  return clean.slice(0, 200);
}
