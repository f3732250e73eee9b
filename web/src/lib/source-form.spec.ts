import { describe, expect, it } from 'vitest';
import type { SourceKind } from '../gql/graphql';
import { fieldsFor, sourceInput } from './source-form';

const kind = (k: string) => k as SourceKind;

describe('source form', () => {
  it('asks each source kind for its own settings; SFTP and HTTPS locations for their credentials', () => {
    const keys = (k: string, path = '') => fieldsFor(kind(k), path).map((f) => `${f.key}${f.secret ? '*' : ''}`);
    expect(keys('ONEROSTER_API')).toEqual(['url', 'clientId', 'clientSecret*', 'auth', 'tokenUrl']);
    expect(keys('CLEVER_API')).toEqual(['url', 'token*']);
    expect(keys('ONEROSTER_CSV', '/srv/exports')).toEqual(['path']);
    expect(keys('CLEVER_CSV', 'sftp://sis@host/x.zip')).toEqual(['path', 'password*', 'privateKey*', 'hostKey']);
    expect(keys('CLEVER_CSV', 'https://files.example.org/x.zip')).toEqual(['path', 'password*', 'token*']);
    expect(keys('DEMO')).toEqual([]);
  });

  it('leaves blank secrets out (the stored one is kept) and clears a non-secret that was set', () => {
    expect(
      sourceInput(kind('ONEROSTER_API'), { url: ' https://sis/x ', clientId: 'c', clientSecret: '', tokenUrl: '' }, { tokenUrl: 'https://old/token' }),
    ).toEqual({ url: 'https://sis/x', clientId: 'c', tokenUrl: '' });
    expect(sourceInput(kind('ONEROSTER_API'), { url: 'u', clientId: 'c', clientSecret: 'new' })).toEqual({ url: 'u', clientId: 'c', clientSecret: 'new' });
  });
});
