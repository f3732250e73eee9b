import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { backoffDelayMs, networkMessage, sleep } from '../retrying-http.js';
import type { Downloaded, TransferOptions } from './sftp-download.js';
import { shownUrl } from './sftp-download.js';
import { SourceError } from '../../../errors.js';

export interface HttpLocation {
  url: string;
  /** HTTP Basic auth: the user is the URL's user name. */
  password?: string;
  /** Bearer token. */
  token?: string;
}

export interface HttpDownloadOptions extends TransferOptions {
  /** Retries after a network error, 5xx or cut-off body; default 3. */
  retries?: number;
  backoffMs?: number;
}

class Retryable extends Error {}

/**
 * Downloads one export file (a zip) over HTTPS or HTTP with optional Basic or bearer auth.
 * The body must match Content-Length; network errors, 5xx and cut-off bodies are retried
 * with backoff; 401/403/404 fail at once with a sentence naming the cause.
 */
export async function downloadHttp(location: HttpLocation, into: string, o: HttpDownloadOptions = {}, signal?: AbortSignal): Promise<Downloaded> {
  const url = new URL(location.url);
  const where = shownUrl(url);
  const headers: Record<string, string> = { Accept: 'application/zip, application/octet-stream, */*' };
  if (location.token) headers.Authorization = `Bearer ${location.token}`;
  else if (url.username || location.password) {
    headers.Authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${location.password ?? ''}`).toString('base64')}`;
  }
  const plain = new URL(url);
  plain.username = '';
  plain.password = '';
  const local = join(into, decodeURIComponent(basename(url.pathname)) || 'export.zip');
  const retries = o.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    try {
      await once(plain.toString(), headers, local, where, o.timeoutMs ?? 60_000, signal);
      return { localPath: local };
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      if (!(e instanceof Retryable)) throw e;
      if (attempt >= retries) throw new SourceError(`Could not download ${where}: ${e.message} (${attempt + 1} attempts)`);
      await sleep(backoffDelayMs(attempt, o.backoffMs ?? 500, 30_000), signal);
    }
  }
}

async function once(url: string, headers: Record<string, string>, local: string, where: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  // The timeout covers the whole transfer only between bytes: a hanging server is caught, a large file is not cut.
  const idle = new AbortController();
  let timer = setTimeout(() => idle.abort(), timeoutMs);
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(), timeoutMs);
  };
  const combined = signal ? AbortSignal.any([signal, idle.signal]) : idle.signal;
  const hung = () => idle.signal.aborted && !signal?.aborted;
  try {
    let res: Response;
    try {
      res = await fetch(url, { headers, signal: combined, redirect: 'follow' });
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw new Retryable(hung() ? `no answer within ${timeoutMs / 1000} s` : networkMessage(e));
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel().catch(() => undefined);
      throw new SourceError(
        `The server refused the ${headers.Authorization?.startsWith('Bearer') ? 'bearer token' : headers.Authorization ? 'user name and password' : 'download without credentials'} for ${where} (${res.status})`,
      );
    }
    if (res.status === 404) {
      await res.body?.cancel().catch(() => undefined);
      throw new SourceError(`${where} was not found on the server (404)`);
    }
    if (res.status >= 500) {
      await res.body?.cancel().catch(() => undefined);
      throw new Retryable(`the server answered ${res.status}`);
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel().catch(() => undefined);
      throw new SourceError(`The server answered ${res.status} to the download of ${where}`);
    }
    const expected = Number(res.headers.get('content-length') ?? NaN);
    const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream);
    body.on('data', touch);
    try {
      await pipeline(body, createWriteStream(local));
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw new Retryable(hung() ? `the download stalled for ${timeoutMs / 1000} s` : `the connection broke during the download (${networkMessage(e)})`);
    }
    const got = (await stat(local)).size;
    if (Number.isFinite(expected) && got !== expected) throw new Retryable(`the download ended after ${got} of ${expected} bytes`);
  } finally {
    clearTimeout(timer);
  }
}
