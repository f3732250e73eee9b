import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource, ObjectLiteral } from 'typeorm';
import { Enrollment } from '../../src/roster/enrollment.entity.js';
import { Person } from '../../src/roster/person.entity.js';
import { PersonRole } from '../../src/roster/roster-enums.js';
import { School } from '../../src/roster/school.entity.js';
import { Section } from '../../src/roster/section.entity.js';
import { Term } from '../../src/roster/term.entity.js';
import { apiTokenFor, startApiServer, type ApiServer } from '../support/api-harness.js';
import { createDistrict } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

async function insertAll<T extends ObjectLiteral>(ds: DataSource, entity: new () => T, rows: Partial<T>[]): Promise<T[]> {
  for (let i = 0; i < rows.length; i += 200)
    await ds
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + 200) as never)
      .execute();
  return ds.getRepository(entity).find({ order: { id: 'ASC' } as never });
}

/** Records every SQL statement the DataSource runs while `fn` runs. */
async function statementsDuring(ds: DataSource, fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const logger = ds.logger;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    seen.push(query);
    return original(query, parameters, runner);
  };
  try {
    await fn();
  } finally {
    logger.logQuery = original;
  }
  return seen;
}

describe.each(DIALECTS)('DataLoader batching on %s', (dialect) => {
  let api: ApiServer;
  let districtId: number;
  let token: string;

  beforeAll(async () => {
    api = await startApiServer(dialect);
    const ds = api.app.ds;
    districtId = (await createDistrict(api.app, 'Batching District')).id;
    const base = { districtId };
    const schools = await insertAll(
      ds,
      School,
      [0, 1, 2].map((i) => ({ ...base, sourceId: `sch-${i}`, name: `School ${i}` })),
    );
    const terms = await insertAll(
      ds,
      Term,
      [0, 1].map((i) => ({ ...base, sourceId: `term-${i}`, name: `Term ${i}`, startDate: '2026-08-01', endDate: '2027-06-30' })),
    );
    const people = await insertAll(ds, Person, [
      ...Array.from({ length: 50 }, (_, i) => ({
        ...base,
        sourceId: `t-${i}`,
        role: PersonRole.TEACHER,
        givenName: `Teacher${i}`,
        familyName: 'T',
        email: `t${i}@x.test`,
      })),
      ...Array.from({ length: 300 }, (_, i) => ({ ...base, sourceId: `s-${i}`, role: PersonRole.STUDENT, givenName: `Student${i}`, familyName: 'S' })),
    ]);
    const teachers = people.filter((p) => p.role === PersonRole.TEACHER);
    const students = people.filter((p) => p.role === PersonRole.STUDENT);
    const sections = await insertAll(
      ds,
      Section,
      Array.from({ length: 120 }, (_, i) => ({
        ...base,
        sourceId: `sec-${i}`,
        name: `Section ${i}`,
        schoolId: schools[i % 3].id,
        termId: terms[i % 2].id,
      })),
    );
    const enrollments: Partial<Enrollment>[] = [];
    sections.forEach((s, i) => {
      enrollments.push({ ...base, sectionId: s.id, personId: teachers[(i + 1) % 50].id, role: PersonRole.TEACHER, primary: false });
      enrollments.push({ ...base, sectionId: s.id, personId: teachers[i % 50].id, role: PersonRole.TEACHER, primary: true });
      for (let k = 0; k < 10; k++)
        enrollments.push({ ...base, sectionId: s.id, personId: students[(i * 10 + k) % 300].id, role: PersonRole.STUDENT, primary: false });
    });
    await insertAll(ds, Enrollment, enrollments);
    token = await apiTokenFor(api, districtId);
    await api.gql('{ me { kind } }', {}, token); // token lastUsedAt written now, not during the measured request
  });

  afterAll(async () => api?.close());

  it('answer 100 sections with school, term, teachers and students in at most 5 SQL statements, and a token in use in none', async () => {
    let res: any;
    const statements = await statementsDuring(api.app.ds, async () => {
      res = await api.gql(
        `query ($id: ID!) { district(id: $id) { sections(first: 100) { totalCount edges { node {
        name school { name } term { name } teachers { primary person { givenName email } } students { givenName familyName }
      } } } } }`,
        { id: districtId },
        token,
      );
    });
    expect(res.errors).toBeUndefined();
    const edges = res.data.district.sections.edges;
    expect(res.data.district.sections.totalCount).toBe(120);
    expect(edges).toHaveLength(100);
    // The roster order: by school name, then section name (text order: "Section 12" before "Section 3").
    expect(edges.slice(0, 3).map((e: any) => `${e.node.school.name}/${e.node.name}`)).toEqual([
      'School 0/Section 0',
      'School 0/Section 102',
      'School 0/Section 105',
    ]);
    expect(edges.find((e: any) => e.node.name === 'Section 7').node).toEqual({
      name: 'Section 7',
      school: { name: 'School 1' },
      term: { name: 'Term 1' },
      teachers: [
        { primary: true, person: { givenName: 'Teacher7', email: 't7@x.test' } },
        { primary: false, person: { givenName: 'Teacher8', email: 't8@x.test' } },
      ],
      students: expect.any(Array),
    });
    expect(edges.every((e: any) => e.node.students.length === 10 && e.node.teachers.length === 2)).toBe(true);
    // Authentication (one lookup of the bearer, at most: this process read it moments ago) is
    // not roster work; it reads the token's district too, so district(id:) costs no statement
    // of its own, and the sections' schools come with the page.
    const roster = statements.filter((q) => !/api_token|admin_session/.test(q));
    expect(statements.length - roster.length).toBeLessThanOrEqual(1);
    expect(roster.filter((q) => /\bFROM\s+[`"]?district[`"]?\s/i.test(q))).toEqual([]);
    expect(roster.length).toBeLessThanOrEqual(5);
    const again = await statementsDuring(api.app.ds, () => api.gql('query ($id: ID!) { district(id: $id) { name } }', { id: districtId }, token));
    expect(again).toEqual([]);
  });

  it('pages sections school by school in the roster order, whatever the page size', async () => {
    const all = await api.gql(
      `query ($id: ID!) { district(id: $id) { sections(first: 500) { edges { node { id name school { name } } } } } }`,
      { id: districtId },
      token,
    );
    const order = all.data.district.sections.edges.map((e: any) => e.node);
    const expected = [...order].sort(
      (a: any, b: any) => a.school.name.localeCompare(b.school.name) || a.name.localeCompare(b.name) || Number(a.id) - Number(b.id),
    );
    expect(order).toHaveLength(120);
    expect(order).toEqual(expected);
    for (const first of [1, 7, 40, 41]) {
      const seen: unknown[] = [];
      let after: string | null = null;
      for (;;) {
        const res: any = await api.gql(
          `query ($id: ID!, $after: String, $first: Int) { district(id: $id) { sections(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id name school { name } } } } } }`,
          { id: districtId, after, first },
          token,
        );
        const conn = res.data.district.sections;
        seen.push(...conn.edges.map((e: any) => e.node));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      expect([first, seen]).toEqual([first, order]);
    }
  });
});
