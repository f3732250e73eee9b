import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityType, SourceKind } from '../../../roster/roster-enums.js';
import { sleep } from '../retrying-http.js';
import type { FieldMappingTable, RosterSource, SourceProblem, SourceRecordOf } from '../roster-source.js';
import { downloadHttp, type HttpDownloadOptions } from './http-download.js';
import { downloadSftp, shownUrl, type Downloaded } from './sftp-download.js';
import { looksLikeZip, verifyFolder, verifyZip } from './verify-export.js';
import { SourceError } from '../../../errors.js';

export interface RemoteLocation {
  url: string;
  password?: string;
  privateKey?: string;
  hostKey?: string;
  token?: string;
}

/** Whether a configured path is a URL this wrapper fetches. */
export const isRemoteLocation = (path: string) => /^(sftp|https?):\/\//i.test(path);

/**
 * A CSV source whose export lives on an SFTP or HTTP(S) server: the export is downloaded
 * once per run (however often the sync reads its files) into a private temporary folder,
 * verified complete (every zip entry inflates to its size; a file still being written is
 * waited for or fails the run), and only then handed to the CSV source. close() deletes it.
 */
export class RemoteCsvSource implements RosterSource {
  readonly kind: SourceKind;
  private fetched: Promise<RosterSource> | null = null;
  private dir: string | null = null;
  /** The SFTP host key seen on the last connection (district test prints it). */
  hostKey: string | undefined;

  constructor(
    private readonly location: RemoteLocation,
    private readonly inner: { kind: SourceKind; mappings: FieldMappingTable; create: (localPath: string) => RosterSource },
    private readonly options: HttpDownloadOptions = {},
  ) {
    this.kind = inner.kind;
  }

  defaultMappings(): FieldMappingTable {
    return this.inner.mappings;
  }

  takeProblems(): SourceProblem[] {
    return this.current?.takeProblems?.() ?? [];
  }

  private current: RosterSource | null = null;

  private source(signal?: AbortSignal): Promise<RosterSource> {
    this.fetched ??= this.download(signal).then((s) => (this.current = s));
    return this.fetched;
  }

  private async download(signal?: AbortSignal): Promise<RosterSource> {
    this.dir = await mkdtemp(join(tmpdir(), 'homeroom-export-'));
    const url = new URL(this.location.url);
    const shown = shownUrl(url);
    const sftp = url.protocol === 'sftp:';
    const attempts = sftp ? 1 : 2;
    for (let attempt = 1; ; attempt++) {
      let got: Downloaded;
      if (sftp) got = await downloadSftp(this.location, this.dir, this.options, signal);
      else got = await downloadHttp(this.location, this.dir, this.options, signal);
      this.hostKey = got.hostKey;
      try {
        if (got.localPath === this.dir) await verifyFolder(this.dir, shown);
        else await this.verifyFile(got.localPath, shown);
        return this.inner.create(got.localPath);
      } catch (e) {
        // An HTTP export replaced while we read it: one more download after a pause.
        if (!(e instanceof SourceError) || attempt >= attempts) throw e;
        await sleep(this.options.stableWaitMs ?? 3000, signal);
      }
    }
  }

  private async verifyFile(path: string, shown: string): Promise<void> {
    const head = Buffer.alloc(4);
    const fh = await open(path, 'r');
    try {
      await fh.read(head, 0, 4, 0);
    } finally {
      await fh.close();
    }
    if (!looksLikeZip(head))
      throw new SourceError(`The export ${shown} is not a zip file: point the location at the export's .zip, or at a folder ending in "/" (SFTP)`);
    await verifyZip(path, shown);
  }

  async *records<E extends EntityType>(entity: E, signal?: AbortSignal): AsyncIterable<SourceRecordOf[E]> {
    yield* (await this.source(signal)).records(entity, signal);
  }

  async describe(signal?: AbortSignal) {
    const source = await this.source(signal);
    const described = source.describe ? await source.describe(signal) : { districtName: null, counts: {} };
    return { ...described, hostKey: this.hostKey };
  }

  async availableFields(entity: EntityType, signal?: AbortSignal): Promise<string[] | null> {
    const source = await this.source(signal);
    return source.availableFields ? source.availableFields(entity, signal) : null;
  }

  async close(): Promise<void> {
    await this.current?.close?.().catch(() => undefined);
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
