import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { apiTokenFor, startApiServer, type ApiServer } from '../support/api-harness.js';
import { createDistrict, sync } from '../support/test-app.js';

interface RawAnswer {
  status: number;
  encoding: string | undefined;
  body: Buffer;
}

/** POST /graphql with node:http, which (unlike fetch) hands back the bytes as sent. */
function post(url: string, token: string, query: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/graphql`,
      { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query }));
  });
}

// Compression sits in the HTTP layer and does not depend on the database dialect: SQLite only.
describe('GraphQL answers are compressed when the client accepts it', () => {
  let api: ApiServer;
  let token: string;
  let query: string;

  beforeAll(async () => {
    api = await startApiServer('sqlite');
    const district = await createDistrict(api.app, 'Compressed District', undefined, { students: 300 });
    await sync(api.app, district.id);
    token = await apiTokenFor(api, district.id);
    query = `{ district(id: ${district.id}) { people(first: 300) { edges { node { id sourceId givenName familyName email grade } } } } }`;
  });

  afterAll(async () => api?.close());

  it('answer br or gzip as the client prefers, with the same JSON as uncompressed', async () => {
    const plain = await post(api.server.url, token, query, {});
    expect(plain.status).toBe(200);
    expect(plain.encoding).toBeUndefined();
    const json = JSON.parse(plain.body.toString('utf8'));
    expect(json.data.district.people.edges).toHaveLength(300);

    const gzip = await post(api.server.url, token, query, { 'accept-encoding': 'gzip' });
    expect(gzip.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString('utf8'))).toEqual(json);
    expect(gzip.body.length).toBeLessThan(plain.body.length / 3);

    const br = await post(api.server.url, token, query, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.encoding).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(json);
  });

  it('leave small answers and event streams uncompressed', async () => {
    const small = await post(api.server.url, token, '{ me { kind } }', { 'accept-encoding': 'gzip, br' });
    expect(small.encoding).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8'))).toEqual({ data: { me: { kind: 'API_TOKEN' } } });
    const stream = await post(api.server.url, token, query, { 'accept-encoding': 'gzip, br', accept: 'text/event-stream, application/json' });
    expect(stream.encoding).toBeUndefined();
  });
});
