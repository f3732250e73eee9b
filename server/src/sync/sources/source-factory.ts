import { SourceKind } from '../../roster/roster-enums.js';
import type { SourceConfig } from '../../roster/source-config.crypto.js';
import { DemoSource } from './demo.source.js';
import type { FieldMappingTable, RosterSource } from './roster-source.js';
import { SourceError } from '../../errors.js';

type SourceConstructor = (config: SourceConfig) => Promise<RosterSource>;

/** Sources register here so the engine never imports a concrete source. */
const registry = new Map<SourceKind, SourceConstructor>([
  [
    SourceKind.DEMO,
    async (c) => new DemoSource({ students: c.students ?? 2000, seed: c.seed, perturbShare: c.perturbShare, perturbSeed: c.perturbSeed, nextYear: c.nextYear }),
  ],
  [
    SourceKind.CLEVER_CSV,
    async (c) => {
      const { CleverCsvSource, CLEVER_CSV_MAPPINGS } = await import('./clever-csv.source.js');
      return csvSource(c, SourceKind.CLEVER_CSV, CLEVER_CSV_MAPPINGS, (path) => new CleverCsvSource({ path }));
    },
  ],
  [
    SourceKind.ONEROSTER_CSV,
    async (c) => {
      const { OneRosterCsvSource } = await import('./oneroster-csv.source.js');
      const { ONEROSTER_MAPPINGS } = await import('./oneroster-mappings.js');
      return csvSource(c, SourceKind.ONEROSTER_CSV, ONEROSTER_MAPPINGS, (path) => new OneRosterCsvSource({ path }));
    },
  ],
  [SourceKind.CLEVER_API, async (c) => new (await import('./clever-api.source.js')).CleverApiSource({ url: c.url, token: c.token ?? '' })],
  [
    SourceKind.ONEROSTER_API,
    async (c) =>
      new (await import('./oneroster-api.source.js')).OneRosterApiSource({
        url: c.url ?? '',
        clientId: c.clientId ?? '',
        clientSecret: c.clientSecret ?? '',
        auth: c.auth,
        tokenUrl: c.tokenUrl,
        pageSize: c.pageSize,
        signatureMethod: c.signatureMethod,
      }),
  ],
]);

/** A CSV source on a local path, or wrapped to download it first from an sftp:// or http(s):// location. */
async function csvSource(c: SourceConfig, kind: SourceKind, mappings: FieldMappingTable, create: (path: string) => RosterSource): Promise<RosterSource> {
  const path = requirePath(c);
  const { isRemoteLocation, RemoteCsvSource } = await import('./remote/remote-csv.source.js');
  if (!isRemoteLocation(path)) return create(path);
  return new RemoteCsvSource({ url: path, password: c.password, privateKey: c.privateKey, hostKey: c.hostKey, token: c.token }, { kind, mappings, create });
}

function requirePath(c: SourceConfig): string {
  if (!c.path) throw new SourceError('The district has no source path: set one with `homeroom district update <district> --path DIR_OR_ZIP`');
  return c.path;
}

export async function createSource(kind: SourceKind, config: SourceConfig): Promise<RosterSource> {
  const create = registry.get(kind);
  if (!create) throw new SourceError(`The ${kind} source is not available in this version`);
  return create(config);
}
