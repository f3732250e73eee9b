import { afterEach, describe, expect, it } from '@jest/globals';
import { startFakeCleverServer, type FakeCleverOptions, type FakeCleverServer } from '../../src/fake-clever/fake-clever.server.js';
import type { CleverRecord, FakeCleverData } from '../../src/fake-clever/clever-district.js';
import { CleverApiSource, flattenClever, type CleverApiSourceOptions } from '../../src/sync/sources/clever-api.source.js';
import { backoffDelayMs, CleverHttpClient, rateLimitWaitMs } from '../../src/sync/sources/clever-http.js';
import { type EnrollmentRecord, type PersonRecord, type SourceRecordOf } from '../../src/sync/sources/roster-source.js';
import type { EntityType } from '../../src/roster/roster-enums.js';
import { SourceError } from '../../src/errors.js';

const TOKEN = 'unit-token';
let server: FakeCleverServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const start = async (o: Partial<FakeCleverOptions> = {}) => (server = await startFakeCleverServer({ token: TOKEN, ...o }));
const source = (o: Partial<CleverApiSourceOptions> = {}) => new CleverApiSource({ url: server!.url, token: TOKEN, backoffMs: 1, maxBackoffMs: 5, ...o });
async function all<E extends EntityType>(s: CleverApiSource, entity: E, signal?: AbortSignal) {
  const out: SourceRecordOf[E][] = [];
  for await (const r of s.records(entity, signal)) out.push(r);
  return out;
}

const rec = (id: string, extra: Record<string, unknown> = {}): CleverRecord => ({ id, ...extra });
function data(over: Partial<FakeCleverData>): FakeCleverData {
  return { district: rec('d1', { name: 'Tiny USD' }), schools: [], terms: [], courses: [], users: [], sections: [], ...over };
}

describe('Clever HTTP helpers', () => {
  it('reads Retry-After (seconds or date) before X-RateLimit-Reset (epoch seconds)', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(rateLimitWaitMs(new Headers({ 'Retry-After': '3' }), now)).toBe(3000);
    expect(rateLimitWaitMs(new Headers({ 'Retry-After': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(rateLimitWaitMs(new Headers({ 'X-RateLimit-Reset': String(now / 1000 + 7) }), now)).toBe(7000);
    expect(rateLimitWaitMs(new Headers({ 'X-RateLimit-Reset': String(now / 1000 - 7) }), now)).toBe(0);
    expect(rateLimitWaitMs(new Headers({}), now)).toBeNull();
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelayMs(0, 100, 1000, () => 0)).toBe(50);
    expect(backoffDelayMs(0, 100, 1000, () => 1)).toBe(100);
    expect(backoffDelayMs(3, 100, 1000, () => 1)).toBe(800);
    expect(backoffDelayMs(10, 100, 1000, () => 1)).toBe(1000);
  });

  it('waits for the quota reset after an answer with X-RateLimit-Remaining: 0, and fails at once on 403', async () => {
    const calls: number[] = [];
    const answers = [
      () =>
        new Response('{"data":[]}', { status: 200, headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + 1) } }),
      () => new Response('{"data":[]}', { status: 200 }),
      () => new Response('{"error":"Forbidden"}', { status: 403 }),
    ];
    const client = new CleverHttpClient({
      token: 't',
      url: 'http://clever.test/',
      fetch: (async () => {
        calls.push(Date.now());
        return answers[calls.length - 1]();
      }) as typeof fetch,
    });
    expect(client.resolve('/v3.0/schools?limit=1')).toBe('http://clever.test/v3.0/schools?limit=1');
    await client.getJson('/v3.0/schools');
    await client.getJson('/v3.0/terms');
    expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(400);
    await expect(client.getJson('/v3.0/courses')).rejects.toThrow(new SourceError('Clever rejected the district token (403)'));
    expect(calls).toHaveLength(3);
  });

  it('flattens nested objects into dotted keys', () => {
    expect(
      flattenClever({
        name: { first: 'A', middle: null },
        roles: { student: { schools: ['s1', 's2'], credentials: { district_username: 'a1' } } },
        list: [{ x: 1 }],
      }),
    ).toEqual({ 'name.first': 'A', 'name.middle': null, 'roles.student.schools': 's1,s2', 'roles.student.credentials.district_username': 'a1' });
  });
});

describe('Clever API source against the fake server', () => {
  it('follows next links at page boundaries: total = limit, limit + 1, and empty lists', async () => {
    const schools = (n: number) => Array.from({ length: n }, (_, i) => rec(`s${String(i + 1).padStart(2, '0')}`, { name: `School ${i + 1}` }));
    await start({ data: data({ schools: schools(4), terms: schools(5).map((s) => ({ ...s, id: s.id.replace('s', 't') })) }) });
    const s = source({ pageSize: 4 });
    expect((await all(s, 'schools')).map((r) => r.sourceId)).toEqual(['s01', 's02', 's03', 's04']);
    expect(server!.stats.requests).toEqual(['/v3.0/schools?limit=4', '/v3.0/schools?limit=4&starting_after=s04']);
    server!.stats.requests.length = 0;
    expect((await all(s, 'terms')).map((r) => r.sourceId)).toEqual(['t01', 't02', 't03', 't04', 't05']);
    expect(server!.stats.requests).toEqual(['/v3.0/terms?limit=4', '/v3.0/terms?limit=4&starting_after=t04']);
    server!.stats.requests.length = 0;
    expect(await all(s, 'courses')).toEqual([]);
    expect(await all(s, 'people')).toEqual([]);
    expect(await all(s, 'enrollments')).toEqual([]);
    expect(server!.stats.requests).toEqual([
      '/v3.0/courses?limit=4',
      '/v3.0/users?role=teacher&limit=4',
      '/v3.0/users?role=student&limit=4',
      '/v3.0/sections?limit=4',
    ]);
  });

  it('serves ids in ascending order whatever order the data has, one record per page at limit 1', async () => {
    await start({ data: data({ schools: [rec('b'), rec('c'), rec('a')] }) });
    expect((await all(source({ pageSize: 1 }), 'schools')).map((r) => r.sourceId)).toEqual(['a', 'b', 'c']);
    expect(server!.stats.requests).toHaveLength(4);
  });

  it('turns teacher / teachers / students into enrollments with the right primary flags', async () => {
    await start({
      data: data({
        sections: [
          rec('sec1', { school: 's1', teacher: 't2', teachers: ['t2', 't1', 't1'], students: ['u1', 'u2', 'u1'] }),
          rec('sec2', { school: 's1', teachers: ['t3', 't4'], students: [] }),
          rec('sec3', { school: 's1', teacher: 't5', students: ['u3'] }),
        ],
      }),
    });
    const show = (e: EnrollmentRecord) => `${e.sectionSourceId}:${e.personSourceId}:${e.role}:${e.primary ? 1 : 0}`;
    expect((await all(source(), 'enrollments')).map(show)).toEqual([
      'sec1:t2:TEACHER:1',
      'sec1:t1:TEACHER:0',
      'sec1:u1:STUDENT:0',
      'sec1:u2:STUDENT:0',
      'sec2:t3:TEACHER:1',
      'sec2:t4:TEACHER:0',
      'sec3:t5:TEACHER:1',
      'sec3:u3:STUDENT:0',
    ]);
    const [section] = await all(source(), 'sections');
    expect(section).toMatchObject({ sourceId: 'sec1', schoolSourceId: 's1', courseSourceId: null, termSourceIds: [] });
    expect(Object.keys(section.fields)).not.toEqual(expect.arrayContaining(['students']));
  });

  it('reads users with role fields under role.* so one mapping serves teachers and students', async () => {
    await start({
      data: data({
        users: [
          rec('u1', {
            email: 'a@x.us',
            name: { first: 'Ann', last: 'Lee' },
            roles: {
              student: {
                school: 's1',
                schools: ['s2', 's1'],
                sis_id: 'S1',
                state_id: 'ST1',
                student_number: '77',
                grade: '3',
                credentials: { district_username: 'ann' },
              },
            },
          }),
          rec('u2', {
            email: 'b@x.us',
            name: { first: 'Bo', middle: 'J', last: 'Ng' },
            roles: { teacher: { school: 's1', sis_id: 'T1', teacher_number: '88', credentials: { district_username: 'bo' } } },
          }),
          rec('u3', { name: { first: 'Cy', last: 'Both' }, roles: { teacher: { school: 's1' }, student: { school: 's1' } } }),
        ],
      }),
    });
    const s = source();
    const people = (await all(s, 'people')) as PersonRecord[];
    expect(people.map((p) => `${p.sourceId}:${p.role}:${p.schoolSourceIds}`)).toEqual(['u2:TEACHER:s1', 'u3:TEACHER:s1', 'u1:STUDENT:s1,s2']);
    const ann = people.find((p) => p.sourceId === 'u1')!;
    expect(ann.fields).toMatchObject({
      'name.first': 'Ann',
      'role.sis_id': 'S1',
      'role.number': '77',
      'role.grade': '3',
      'role.credentials.district_username': 'ann',
      'roles.student.student_number': '77',
    });
    expect(people.find((p) => p.sourceId === 'u2')!.fields).toMatchObject({ 'role.sis_id': 'T1', 'role.number': '88', 'name.middle': 'J' });
    const m = s.defaultMappings().people!;
    expect([m.email, m.givenName, m.sisId, m.username, m.grade]).toEqual([
      'email',
      'name.first',
      'role.sis_id',
      'role.credentials.district_username',
      'role.grade',
    ]);
    expect(s.takeProblems()).toEqual([expect.objectContaining({ sourceId: 'u3', code: 'MULTIPLE_ROLES' })]);
  });

  it('describes the district: name and counts', async () => {
    await start({ students: 600 });
    const d = server!.data;
    const enrollments = d.sections.reduce((n, s) => n + (s.teachers as string[]).length + (s.students as string[]).length, 0);
    expect(await source({ pageSize: 500 }).describe()).toEqual({
      districtName: 'Fake Clever District',
      // terms: this school year's three and next year's three (the fake server carries both)
      counts: { schools: 1, terms: 6, courses: 7, people: d.users.length, sections: d.sections.length, enrollments },
    });
  });

  it('fails at once with a readable message on a wrong token (no retries)', async () => {
    await start({ students: 50 });
    const bad = new CleverApiSource({ url: server!.url, token: 'wrong', backoffMs: 1 });
    await expect(all(bad, 'schools')).rejects.toThrow(new SourceError('Clever rejected the district token (401)'));
    expect(server!.stats.unauthorized).toBe(1);
  });

  it('waits as Retry-After says on 429, then continues', async () => {
    await start({ students: 50, rateLimitEvery: 1_000_000, retryAfterSeconds: 1 });
    server!.stats.requests.length = 999_999; // the next request is the 1,000,000th: rate limited
    const started = Date.now();
    expect(await all(source(), 'schools')).toHaveLength(1);
    expect(server!.stats.rateLimited).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('retries 500s and connections dropped mid-answer', async () => {
    await start({ students: 600, failEvery: 2, dropEvery: 3 });
    const people = await all(source({ pageSize: 100 }), 'people');
    expect(people).toHaveLength(server!.data.users.length);
    expect(server!.stats.failed).toBeGreaterThan(0);
    expect(server!.stats.dropped).toBeGreaterThan(0);
  });

  it('gives up after the retries with a readable SourceError', async () => {
    await start({ students: 50, failEvery: 1 });
    await expect(all(source({ retries: 2 }), 'schools')).rejects.toThrow(
      /Could not read GET \/v3\.0\/schools from Clever at http:\/\/127\.0\.0\.1:\d+: Clever answered 500 Internal Server Error \(3 attempts\)/,
    );
    expect(server!.stats.failed).toBe(3);
  });

  it('times out a request that does not answer', async () => {
    await start({ students: 50, delayMs: 400 });
    await expect(all(source({ timeoutMs: 50, retries: 1 }), 'schools')).rejects.toThrow(/no answer within 0\.05 s \(2 attempts\)/);
  });

  it('stops promptly when the signal aborts, even while waiting for the server', async () => {
    await start({ students: 50, delayMs: 5000 });
    const abort = new AbortController();
    const started = Date.now();
    setTimeout(() => abort.abort(new Error('stop')), 50);
    await expect(all(source(), 'schools', abort.signal)).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('rejects a bad limit from the fake server and a bad page size in the source', async () => {
    await start({ students: 50, pageSizeMax: 10 });
    await expect(all(source({ pageSize: 11 }), 'schools')).rejects.toThrow(
      /Clever answered 400 to GET \/v3.0\/schools: limit must be a whole number from 1 to 10/,
    );
    expect(() => source({ pageSize: 10001 })).toThrow(SourceError);
  });
});

describe('Clever data as Clever publishes it', () => {
  it('names a term without a name from its dates and a course without a name from its number', async () => {
    await start({
      data: data({
        terms: [
          rec('t1', { name: null, start_date: '2026-08-15', end_date: '2027-01-20' }),
          rec('t2', { name: 'Spring', start_date: '2027-01-21', end_date: null }),
        ],
        courses: [rec('c1', { name: null, number: 'MATH-7' }), rec('c2', { name: 'Art', number: null }), rec('c3', { name: null, number: null })],
      }),
    });
    const s = source();
    expect((await all(s, 'terms')).map((t) => t.fields.name)).toEqual(['2026-08-15 – 2027-01-20', 'Spring']);
    expect((await all(s, 'courses')).map((c) => c.fields.name)).toEqual(['Course MATH-7', 'Art', null]);
  });

  it('the fake sends Clever shapes: null names, lowercase subjects, the full grade range, District.state as sync status', async () => {
    const d = (await start({ students: 2000, seed: 5 })).data;
    expect(d.district.state).toBe('success');
    expect(d.terms.some((t) => t.name === null)).toBe(true);
    expect(d.courses.some((c) => c.name === null)).toBe(true);
    const names = d.users.map((u) => u.name as Record<string, unknown>);
    expect(names.some((n) => n.first === null) && names.some((n) => n.last === null)).toBe(true);
    const subjects = new Set(d.sections.map((x) => x.subject));
    for (const sub of subjects)
      expect([
        'english/language arts',
        'math',
        'science',
        'social studies',
        'language',
        'homeroom/advisory',
        'interventions/online learning',
        'technology and engineering',
        'PE and health',
        'arts and music',
        'other',
      ]).toContain(sub);
    const grades = new Set([...d.users.map((u) => (u.roles as { student?: { grade?: string } }).student?.grade), ...d.sections.map((x) => x.grade)]);
    for (const g of ['PreKindergarten', 'TransitionalKindergarten', 'Kindergarten', 'Ungraded', 'Other', '13', '', '12']) expect(grades).toContain(g);
  });

  it("the fake's prev links work (ending_before) and lead back to the same pages", async () => {
    await start({ data: data({ schools: Array.from({ length: 7 }, (_, i) => rec(`s${i}`)) }) });
    const get = async (uri: string) =>
      (await fetch(`${server!.url}${uri}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json() as Promise<{
        data: Array<{ data: { id: string } }>;
        links: Array<{ rel: string; uri: string }>;
      }>;
    const first = await get('/v3.0/schools?limit=3');
    const second = await get(first.links.find((l) => l.rel === 'next')!.uri);
    const third = await get(second.links.find((l) => l.rel === 'next')!.uri);
    expect(third.data.map((x) => x.data.id)).toEqual(['s6']);
    const back = await get(third.links.find((l) => l.rel === 'prev')!.uri);
    expect(back.data.map((x) => x.data.id)).toEqual(['s3', 's4', 's5']);
    const start0 = await get(back.links.find((l) => l.rel === 'prev')!.uri);
    expect(start0.data.map((x) => x.data.id)).toEqual(['s0', 's1', 's2']);
    expect(start0.links.some((l) => l.rel === 'prev')).toBe(false);
    expect(start0.links.find((l) => l.rel === 'next')?.uri).toBe(first.links.find((l) => l.rel === 'next')!.uri);
  });
});
