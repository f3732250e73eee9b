import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SyncMode, SyncStatus } from '../../src/sync/sync-enums.js';
import { apiTokenFor, startApiServer, type ApiServer } from '../support/api-harness.js';
import { FixtureSource, smallDistrict } from '../support/fixture-source.js';
import { createDistrict, sync } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

describe.each(DIALECTS)('ended records over GraphQL on %s', (dialect) => {
  let api: ApiServer;

  beforeAll(async () => {
    api = await startApiServer(dialect);
  });
  afterAll(async () => api?.close());

  it("hides last year's sections and enrollments from the live roster unless includeEnded, for partners too", async () => {
    const districtId = (await createDistrict(api.app, 'Ended District')).id;
    const source = new FixtureSource(smallDistrict());
    expect((await sync(api.app, districtId, { source })).status).toBe(SyncStatus.LAUNCHED);
    const summer = await sync(api.app, districtId, { source, mode: SyncMode.RESET, asOf: '2027-07-15' });
    expect(summer.counts!.sections.ended).toBe(2);
    const token = await apiTokenFor(api, districtId);
    const q = `query ($d: ID!) { district(id: $d) {
      live: sections { totalCount }
      all: sections(includeEnded: true) { totalCount edges { node { sourceId endedAt endedByRunId } } }
      enrollments { totalCount }
      people { totalCount }
    } }`;
    const res = await api.gql(q, { d: districtId }, token);
    expect(res.errors).toBeUndefined();
    const d = res.data.district;
    expect(d.live.totalCount).toBe(0);
    expect(d.all.totalCount).toBe(2);
    expect(d.all.edges.map((e: any) => [e.node.sourceId, e.node.endedByRunId, e.node.endedAt !== null])).toEqual([
      ['SEC1', String(summer.id), true],
      ['SEC2', String(summer.id), true],
    ]);
    expect(d.enrollments.totalCount).toBe(0);
    expect(d.people.totalCount).toBe(13); // people are not dated: they stay live
  });
});
