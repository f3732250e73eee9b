import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminRole } from '../../src/auth/roles.js';
import { PersonRole } from '../../src/roster/roster-enums.js';
import type { SyncRun } from '../../src/sync/sync-run.entity.js';
import { adminSession, apiTokenFor, startApiServer, type ApiServer } from '../support/api-harness.js';
import { FixtureSource, smallDistrict } from '../support/fixture-source.js';
import { createDistrict, sync } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

const student = (id: string, school: string, given: string, family: string) => ({
  sourceId: id,
  role: PersonRole.STUDENT,
  schoolSourceIds: [school],
  fields: { givenName: given, familyName: family, email: `${id}@example.org` },
});

/** What the dashboard's roster lists and person page read: one order for every list, and a person's history across runs. */
describe.each(DIALECTS)('roster order and the person page on %s', (dialect) => {
  let api: ApiServer;
  let admin: string;
  let otherAdmin: string;
  let token: string;
  let districtId: number;
  let early: SyncRun;
  let first: SyncRun;
  let edit: SyncRun;

  const people = async (search: string | null, pageSize: number) => {
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await api.gql(
        `query ($d: ID!, $s: String, $f: Int, $a: String) { district(id: $d) { people(search: $s, first: $f, after: $a) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { sourceId familyName givenName } } } } }`,
        { d: districtId, s: search, f: pageSize, a: after },
        admin,
      );
      expect(res.errors).toBeUndefined();
      const page = res.data.district.people;
      names.push(...page.edges.map((e: any) => `${e.node.familyName}, ${e.node.givenName}`));
      if (!page.pageInfo.hasNextPage) return names;
      after = page.pageInfo.endCursor;
    }
  };
  const personId = async (sourceId: string) =>
    Number((await api.app.ds.query('SELECT id FROM person WHERE districtId = ? AND sourceId = ?', [districtId, sourceId]))[0].id);
  const history = (id: number, auth: string, args = 'first: 50') =>
    api.gql(
      `query ($d: ID!, $p: ID!) { district(id: $d) { person(id: $p) { givenName changes(${args}) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { entityType action runId run { id mode } section { name } fields { field before after } } } } } } }`,
      { d: districtId, p: id },
      auth,
    );

  beforeAll(async () => {
    api = await startApiServer(dialect);
    districtId = (await createDistrict(api.app, 'Order District')).id;
    const other = (await createDistrict(api.app, 'Other District')).id;
    admin = await adminSession(api, 'admin@order.test', AdminRole.DISTRICT_ADMIN, districtId);
    otherAdmin = await adminSession(api, 'admin@other.test', AdminRole.DISTRICT_ADMIN, other);
    token = await apiTokenFor(api, districtId);
    const data = smallDistrict();
    // Names that differ only in case, and ids that would order them otherwise.
    data.people.push(
      student('P11', 'S1', 'zed', 'adams'),
      student('P12', 'S1', 'Amy', 'Zimmer'),
      student('P13', 'S1', 'Bob', 'Adams'),
      student('P14', 'S2', 'amy', 'zimmer'),
    );
    data.enrollments.push(
      ...['P11', 'P12', 'P13'].map((p) => ({ sourceId: null, sectionSourceId: 'SEC1', personSourceId: p, role: PersonRole.STUDENT, primary: false })),
    );
    data.enrollments.push({ sourceId: null, sectionSourceId: 'SECOLD', personSourceId: 'P3', role: PersonRole.STUDENT, primary: false });
    data.sections.push({ sourceId: 'SEC0', schoolSourceId: 'S2', courseSourceId: 'C1', termSourceIds: ['Y'], fields: { name: 'Art 2' } });
    const source = new FixtureSource(data);
    // Last spring's sync creates last year's section; the autumn one ends it and adds this year's.
    early = await sync(api.app, districtId, { source, asOf: '2026-03-01' });
    first = await sync(api.app, districtId, { source });
    // Kid1 leaves Math 1 (and changes their name); a later preview would drop Kid2 too, but a preview changes nothing.
    source.data.enrollments = source.data.enrollments.filter((e) => e.personSourceId !== 'P1');
    source.data.people.find((p) => p.sourceId === 'P1')!.fields.givenName = 'Kit';
    edit = await sync(api.app, districtId, { source, overrideThreshold: true });
    source.data.enrollments = source.data.enrollments.filter((e) => e.personSourceId !== 'P2');
    await sync(api.app, districtId, { source, dryRun: true, overrideThreshold: true });
  }, 120_000);
  afterAll(async () => api?.close());

  it('lists people by family name, given name, then id, case-insensitively, on every page size and in searches', async () => {
    const all = await people(null, 500);
    expect(all.slice(0, 4)).toEqual(['Adams, Bob', 'adams, zed', 'Hopper, Grace', 'Lovelace, Ada']);
    expect(all.slice(-2)).toEqual(['Zimmer, Amy', 'zimmer, amy']);
    // Keyset pages of 3 (cursor rows with equal family names) read the same list.
    expect(await people(null, 3)).toEqual(all);
    expect(await people(null, 1)).toEqual(all);
    expect(await people('zimmer', 1)).toEqual(['Zimmer, Amy', 'zimmer, amy']);
    expect(await people('student', 2)).toEqual(['Kid10', 'Kid2', 'Kid3', 'Kid4', 'Kid5', 'Kid6', 'Kid7', 'Kid8', 'Kid9', 'Kit'].map((g) => `Student, ${g}`));
  });

  it('lists sections by school name, section name, then id, and a section’s students in the people order', async () => {
    const res: any = await api.gql(
      `query ($d: ID!) { district(id: $d) { sections(first: 2) { pageInfo { endCursor } edges { node { name school { name } students { familyName givenName } } } } } }`,
      { d: districtId },
      admin,
    );
    const firstPage = res.data.district.sections.edges.map((e: any) => `${e.node.school.name}: ${e.node.name}`);
    const next: any = await api.gql(
      `query ($d: ID!, $a: String) { district(id: $d) { sections(first: 2, after: $a) { edges { node { name school { name } } } } } }`,
      { d: districtId, a: res.data.district.sections.pageInfo.endCursor },
      admin,
    );
    const secondPage = next.data.district.sections.edges.map((e: any) => `${e.node.school.name}: ${e.node.name}`);
    expect([...firstPage, ...secondPage]).toEqual(['North Elementary: Math 1', 'South Middle: Art 2', 'South Middle: Math 2']);
    const math1 = res.data.district.sections.edges[0].node.students.map((p: any) => `${p.familyName}, ${p.givenName}`);
    expect(math1).toEqual(['Adams, Bob', 'adams, zed', 'Student, Kid2', 'Student, Kid3', 'Student, Kid4', 'Student, Kid5', 'Zimmer, Amy']);
  });

  it('answers "when did this student leave section X, and which run did it?" with the person’s and their enrollments’ changes, newest first', async () => {
    const res: any = await history(await personId('P1'), admin);
    expect(res.errors).toBeUndefined();
    const person = res.data.district.person;
    expect(person.givenName).toBe('Kit');
    const rows = person.changes.edges.map((e: any) => e.node);
    expect(person.changes.totalCount).toBe(rows.length);
    // The preview's planned removal of Kid2 is not Kid1's history, and nothing of the preview shows.
    expect(rows.map((r: any) => Number(r.runId))).toEqual(rows.map((r: any) => Number(r.runId)).sort((a: number, b: number) => b - a));
    expect(rows.every((r: any) => [early.id, first.id, edit.id].includes(Number(r.runId)))).toBe(true);
    const left = rows.find((r: any) => r.entityType === 'enrollments' && r.action === 'DELETE');
    expect(left).toMatchObject({ runId: String(edit.id), run: { id: String(edit.id), mode: 'EDIT' }, section: { name: 'Math 1' } });
    expect(rows.find((r: any) => r.entityType === 'people' && r.action === 'UPDATE').fields).toContainEqual({
      field: 'givenName',
      before: 'Kid1',
      after: 'Kit',
    });
    expect(
      rows
        .filter((r: any) => r.action === 'CREATE')
        .map((r: any) => r.entityType)
        .sort(),
    ).toEqual(['enrollments', 'people']);
    expect(rows.find((r: any) => r.entityType === 'enrollments' && r.action === 'CREATE').section.name).toBe('Math 1');
  });

  it('lists a person’s sections in the section order, ended ones only when asked and marked', async () => {
    const q = `query ($d: ID!, $p: ID!) { district(id: $d) { person(id: $p) {
      live: enrollments { section { name } }
      all: enrollments(includeEnded: true) { endedAt section { name endedAt school { name } } } } } }`;
    const res: any = await api.gql(q, { d: districtId, p: await personId('P3') }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.district.person.live.map((e: any) => e.section.name)).toEqual(['Math 1']);
    const all = res.data.district.person.all;
    expect(all.map((e: any) => e.section.name)).toEqual(['Math 1', 'Old Math']);
    expect(all[0].section.endedAt ?? all[0].endedAt).toBeNull();
    expect(all[1].section.endedAt ?? all[1].endedAt).not.toBeNull();
  });

  it('pages the history with cursors and refuses a cursor of someone else’s history', async () => {
    const id = await personId('P1');
    const all = ((await history(id, admin)) as any).data.district.person.changes.edges.map((e: any) => e.node.action + e.node.entityType);
    const one: any = await history(id, admin, 'first: 1');
    expect(one.data.district.person.changes.pageInfo.hasNextPage).toBe(true);
    const rest: any = await history(id, admin, `first: 50, after: "${one.data.district.person.changes.pageInfo.endCursor}"`);
    expect([...one.data.district.person.changes.edges, ...rest.data.district.person.changes.edges].map((e: any) => e.node.action + e.node.entityType)).toEqual(
      all,
    );
    const foreign: any = await history(await personId('P5'), admin, `first: 5, after: "${one.data.district.person.changes.pageInfo.endCursor}"`);
    expect(foreign.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps the history to admins of the district; API tokens read the live person only', async () => {
    const id = await personId('P1');
    expect(((await history(id, otherAdmin)) as any).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const byToken: any = await history(id, token);
    expect(byToken.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const plain: any = await api.gql(`query ($d: ID!, $p: ID!) { district(id: $d) { person(id: $p) { givenName } } }`, { d: districtId, p: id }, token);
    expect(plain.data.district.person.givenName).toBe('Kit');
    const missing: any = await api.gql(`query ($d: ID!) { district(id: $d) { person(id: "999999") { id } } }`, { d: districtId }, admin);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('reads a person’s history through the entity index, not the district’s whole change record', async () => {
    if (dialect !== 'mysql') return;
    const plan: Array<{ key: string | null; table: string }> = await api.app.ds.query(
      "EXPLAIN SELECT c.id FROM sync_change c WHERE c.districtId = ? AND c.runId NOT IN (SELECT r.id FROM sync_run r WHERE r.districtId = ? AND r.dryRun = 1) AND ((c.entityType = 'people' AND c.entityId = ?) OR (c.entityType = 'enrollments' AND c.entityId IN (?, ?))) ORDER BY c.id DESC LIMIT 51",
      [districtId, districtId, 1, 2, 3],
    );
    expect(plan.find((p) => p.table === 'c')?.key).toBe('IDX_sync_change_entity');
  });
});
