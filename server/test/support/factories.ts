// Roster rows and runs for tests, with defaults: a test names only what it is about.
// makeDistrict(db) is a demo district whose source config is a placeholder (never decrypted);
// a test that syncs or reads the source creates its district through DistrictService
// (createDistrict in test-app.ts) instead.
import type { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { District } from '../../src/roster/district.entity.js';
import { Person } from '../../src/roster/person.entity.js';
import { PersonRole, SourceKind } from '../../src/roster/roster-enums.js';
import { School } from '../../src/roster/school.entity.js';
import { SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncRun } from '../../src/sync/sync-run.entity.js';

type Db = DataSource | EntityManager;

let sequence = 0;
/** A number unique within the test process, for names and source ids. */
const next = () => ++sequence;

/** The bookkeeping columns of a roster record that no sync has touched. */
export const UNSYNCED = { createdByRunId: null, updatedByRunId: null, lastSeenRunId: null, deletedAt: null, deletedByRunId: null } as const;

const idOf = (district: District | number) => (typeof district === 'number' ? district : district.id);

export function makeDistrict(db: Db, fields: DeepPartial<District> = {}): Promise<District> {
  const repo = db.getRepository(District);
  return repo.save(repo.create({ name: `District ${next()}`, sourceKind: SourceKind.DEMO, sourceConfigEncrypted: 'x', ...fields }));
}

export function makeSchool(db: Db, district: District | number, fields: DeepPartial<School> = {}): Promise<School> {
  const n = next();
  const repo = db.getRepository(School);
  return repo.save(repo.create({ ...UNSYNCED, districtId: idOf(district), sourceId: `sch-${n}`, name: `School ${n}`, ...fields }));
}

/** A student unless `role` says otherwise. */
export function makePerson(db: Db, district: District | number, fields: DeepPartial<Person> = {}): Promise<Person> {
  const n = next();
  const repo = db.getRepository(Person);
  return repo.save(
    repo.create({
      ...UNSYNCED,
      districtId: idOf(district),
      role: PersonRole.STUDENT,
      sourceId: `${fields.role ?? PersonRole.STUDENT}-${n}`,
      givenName: `Given${n}`,
      familyName: `Family${n}`,
      ...fields,
    }),
  );
}

/** A finished manual Edit run (LAUNCHED) unless `fields` says otherwise; an active status also holds the district. */
export function makeRun(db: Db, district: District | number, fields: DeepPartial<SyncRun> = {}): Promise<SyncRun> {
  const repo = db.getRepository(SyncRun);
  const status = fields.status ?? SyncStatus.LAUNCHED;
  const active = status === SyncStatus.SCHEDULED || status === SyncStatus.IN_PROGRESS;
  return repo.save(
    repo.create({
      districtId: idOf(district),
      activeDistrictId: active ? idOf(district) : null,
      mode: SyncMode.EDIT,
      dryRun: false,
      trigger: SyncTrigger.MANUAL,
      requestedBy: null,
      status,
      phase: null,
      ...fields,
    }),
  );
}
