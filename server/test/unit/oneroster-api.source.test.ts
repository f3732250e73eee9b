import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeOneRosterServer, type FakeOneRosterOptions, type FakeOneRosterServer } from '../../src/fake-oneroster/fake-oneroster.server.js';
import { oauth1Sign } from '../../src/sync/sources/oneroster-auth.js';
import { OneRosterApiSource, type OneRosterApiOptions } from '../../src/sync/sources/oneroster-api.source.js';
import { nextLink } from '../../src/sync/sources/oneroster-paging.js';
import type { SourceRecordOf } from '../../src/sync/sources/roster-source.js';
import type { EntityType } from '../../src/roster/roster-enums.js';
import { SourceError } from '../../src/errors.js';

const ID = 'client-1';
const SECRET = 'very-secret-value';
let server: FakeOneRosterServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const start = async (o: Partial<FakeOneRosterOptions> = {}) =>
  (server = await startFakeOneRosterServer({ clientId: ID, clientSecret: SECRET, students: 60, seed: 3, ...o }));
const source = (o: Partial<OneRosterApiOptions> = {}) =>
  new OneRosterApiSource({ url: server!.url, clientId: ID, clientSecret: SECRET, backoffMs: 1, maxBackoffMs: 5, ...o });
async function all<E extends EntityType>(s: OneRosterApiSource, entity: E, signal?: AbortSignal) {
  const out: SourceRecordOf[E][] = [];
  for await (const r of s.records(entity, signal)) out.push(r);
  return out;
}
const live = (list: Array<Record<string, unknown>>) => list.filter((x) => x.status !== 'tobedeleted');

describe('OAuth 1.0a signing and Link headers', () => {
  it('signs like the published HMAC-SHA1 example (Twitter developer docs), so real servers accept it', () => {
    const signed = oauth1Sign({
      method: 'POST',
      url: 'https://api.twitter.com/1.1/statuses/update.json?include_entities=true',
      bodyParams: [['status', 'Hello Ladies + Gentlemen, a signed OAuth request!']],
      consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
      consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
      token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
      tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
      nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
      timestamp: '1318622958',
      signatureMethod: 'HMAC-SHA1',
    });
    expect(Object.fromEntries(signed).oauth_signature).toBe('hCtSmYh+iHYCEqBWrE7C7hYmtUk=');
  });

  it('finds rel="next" among several links, quoted or not', () => {
    expect(nextLink('<http://x/a?offset=0>; rel="first", <http://x/a?offset=10>; rel="next", <http://x/a?offset=90>; rel="last"')).toBe('http://x/a?offset=10');
    expect(nextLink('<http://x/a?o=5>; rel=next')).toBe('http://x/a?o=5');
    expect(nextLink('<http://x/a>; rel="prev"')).toBeNull();
    expect(nextLink(null)).toBeNull();
  });
});

describe('OneRoster API source against the fake server', () => {
  it('reads every collection over OAuth 2 with one token; tobedeleted records are absent', async () => {
    await start();
    const s = source({ pageSize: 7 });
    const d = server!.data;
    const schools = await all(s, 'schools');
    expect(schools.map((x) => x.sourceId)).toEqual(
      live(d.orgs)
        .filter((o) => o.type === 'school')
        .map((o) => o.sourcedId),
    );
    const people = await all(s, 'people');
    expect(people).toHaveLength(live(d.users).length);
    expect(people.map((p) => p.sourceId)).not.toContain('stu-left');
    // The district org is not a school of anyone's; userIds become userIds.<type>.
    expect(people[0].schoolSourceIds).toEqual(['sch-0001']);
    expect(people[0].fields).toMatchObject({ 'userIds.stateID': expect.any(String), identifier: expect.any(String) });
    const sections = await all(s, 'sections');
    expect(sections[0]).toMatchObject({
      schoolSourceId: 'sch-0001',
      courseSourceId: expect.stringMatching(/^crs-/),
      termSourceIds: [expect.stringMatching(/^trm-/)],
    });
    expect(sections[0].fields).toMatchObject({ 'course.sourcedId': sections[0].courseSourceId, terms: sections[0].termSourceIds.join(',') });
    const enrollments = await all(s, 'enrollments');
    expect(enrollments).toHaveLength(live(d.enrollments).length);
    expect(enrollments.filter((e) => e.primary).length).toBe(sections.length);
    expect(s.auth).toMatchObject({ fetched: 1 });
    expect(server!.stats.tokensIssued).toBe(1);
    // Every page asked for 7 and came with X-Total-Count and Link: nothing read twice.
    expect(server!.stats.requests.filter((r) => r.includes('/users')).length).toBe(Math.ceil(d.users.length / 7));
  });

  it('gets a new token once when the server answers 401, then goes on', async () => {
    await start();
    const s = source({ pageSize: 10 });
    await all(s, 'schools');
    server!.revokeTokens();
    expect((await all(s, 'terms')).length).toBe(6); // this school year's three, next year's three
    expect(server!.stats.tokensIssued).toBe(2);
  });

  it('signs every request with OAuth 1.0a, HMAC-SHA256 or HMAC-SHA1', async () => {
    await start({ auth: 'oauth1' });
    expect(await all(source({ auth: 'oauth1', pageSize: 25 }), 'people')).toHaveLength(live(server!.data.users).length);
    expect((await all(source({ auth: 'oauth1', signatureMethod: 'HMAC-SHA1' }), 'schools')).length).toBeGreaterThan(0);
    await expect(all(source({ auth: 'oauth1', clientSecret: 'wrong' }), 'schools')).rejects.toThrow(
      new SourceError(`The OneRoster server rejected the OAuth 1.0a signature of client id "${ID}" (401): check the client id and secret`),
    );
  });

  it('follows a server that caps the page size, with or without paging headers', async () => {
    for (const headers of [{}, { linkHeader: false }, { linkHeader: false, totalCountHeader: false }]) {
      await start({ maxLimit: 4, ...headers });
      const s = source({ pageSize: 1000 });
      expect(await all(s, 'people')).toHaveLength(live(server!.data.users).length);
      expect(s.paging.limit).toBe(4);
      await server!.close();
      server = null;
    }
  });

  it('a listing that ends short of X-Total-Count is an incomplete fetch, never a partial list', async () => {
    // A server that counts 10 users but lists 5 and then an empty page.
    const users = Array.from({ length: 5 }, (_, i) => ({ sourcedId: `u${i}`, role: 'student', givenName: 'A', familyName: 'B', orgs: [] }));
    const http = createServer((req, res) => {
      const offset = Number(new URL(req.url!, 'http://x').searchParams.get('offset'));
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Total-Count': '10' });
      res.end(JSON.stringify({ users: offset === 0 ? users : [] }));
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/ims/oneroster/v1p1`;
      const s = new OneRosterApiSource({ url, clientId: ID, clientSecret: SECRET, auth: 'oauth1' });
      await expect(all(s, 'people')).rejects.toThrow(
        new SourceError('The OneRoster server listed 5 of the 10 users it counts (X-Total-Count) for GET /users; the fetch is incomplete'),
      );
    } finally {
      await new Promise((r) => http.close(r));
    }
  });

  it('wrong client secret, wrong URL, refused connection and a hanging server fail with one sentence, no secret', async () => {
    await start();
    const secretFree = (e: unknown) => {
      expect(e).toBeInstanceOf(SourceError);
      expect((e as Error).message).not.toContain(SECRET);
      expect((e as Error).message.split('\n')).toHaveLength(1);
      return (e as Error).message;
    };
    const fail = async (s: OneRosterApiSource) =>
      secretFree(
        await all(s, 'schools').then(
          () => null,
          (e) => e,
        ),
      );
    expect(await fail(source({ clientSecret: 'nope' }))).toBe(`The OneRoster token URL ${server!.url}/token rejected client id "${ID}" and its secret (401)`);
    expect(await fail(source({ url: `${server!.url.replace('/v1p1', '')}/v9`, tokenUrl: `${server!.url}/token` }))).toMatch(
      /^The OneRoster server answered 404 to GET \/ims\/oneroster\/v9\/orgs/,
    );
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const refused = source({ url: `http://127.0.0.1:${port}/ims/oneroster/v1p1`, retries: 1 });
    expect(await fail(refused)).toMatch(
      /^Could not read POST \/ims\/oneroster\/v1p1\/token from the OneRoster token URL at .*: the connection was refused \(ECONNREFUSED\) \(2 attempts\)$/,
    );
    await server!.close();
    await start({ delayMs: 2000 });
    expect(await fail(source({ timeoutMs: 100, retries: 1 }))).toMatch(/no answer within 0.1 s \(2 attempts\)$/);
  });

  it('retries 429s, 500s and dropped connections, and stops at once when aborted', async () => {
    await start({ rateLimitEvery: 3, retryAfterSeconds: 0, failEvery: 5, dropEvery: 7 });
    expect(await all(source({ pageSize: 10 }), 'people')).toHaveLength(live(server!.data.users).length);
    expect(server!.stats).toMatchObject({ rateLimited: expect.any(Number), failed: expect.any(Number), dropped: expect.any(Number) });
    expect(server!.stats.rateLimited * server!.stats.failed * server!.stats.dropped).toBeGreaterThan(0);
    await server!.close();
    await start({ delayMs: 5000 });
    const abort = new AbortController();
    setTimeout(() => abort.abort(new Error('stop')), 100);
    const t = Date.now();
    await expect(all(source(), 'schools', abort.signal)).rejects.toThrow('stop');
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('describes the district: its name and counts per entity type', async () => {
    await start({ name: 'Springfield USD' });
    const d = server!.data;
    const r = await source({ pageSize: 50 }).describe();
    expect(r.districtName).toBe('Springfield USD');
    expect(r.counts).toEqual({
      schools: live(d.orgs).filter((o) => o.type === 'school').length,
      terms: 6 /* both school years */,
      courses: d.courses.length,
      people: live(d.users).length,
      sections: d.classes.length,
      enrollments: live(d.enrollments).length,
    });
  });
});
