import { createHmac, randomBytes } from 'node:crypto';
import { RetryingHttpClient, type HttpAuth, type RetryOptions } from './retrying-http.js';
import { SourceError } from '../../errors.js';

export type OneRosterAuthKind = 'oauth2' | 'oauth1';
export type OAuth1Method = 'HMAC-SHA256' | 'HMAC-SHA1';

/** RFC 3986 percent-encoding, as OAuth 1.0a requires (encodeURIComponent leaves !'()* alone). */
export const oauthEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface OAuth1Params {
  method: string;
  url: string;
  consumerKey: string;
  consumerSecret: string;
  signatureMethod: OAuth1Method;
  nonce: string;
  timestamp: string;
  /** Only for checking against published examples: OneRoster's two-legged OAuth has no token. */
  token?: string;
  tokenSecret?: string;
  /** Form body parameters (application/x-www-form-urlencoded), signed with the query. */
  bodyParams?: Array<[string, string]>;
}

/** The OAuth 1.0a signature base string (RFC 5849 §3.4.1): method, base URL, sorted encoded parameters. */
export function oauth1BaseString(p: OAuth1Params, oauthParams: Array<[string, string]>): string {
  const u = new URL(p.url);
  const base = `${u.protocol}//${u.host.toLowerCase()}${u.pathname}`;
  const params: Array<[string, string]> = [...u.searchParams.entries(), ...(p.bodyParams ?? []), ...oauthParams].map(([k, v]) => [
    oauthEncode(k),
    oauthEncode(v),
  ]);
  params.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return [p.method.toUpperCase(), oauthEncode(base), oauthEncode(params.map(([k, v]) => `${k}=${v}`).join('&'))].join('&');
}

/** The `oauth_*` parameters of a request, signature included. */
export function oauth1Sign(p: OAuth1Params): Array<[string, string]> {
  const oauth: Array<[string, string]> = [
    ['oauth_consumer_key', p.consumerKey],
    ['oauth_nonce', p.nonce],
    ['oauth_signature_method', p.signatureMethod],
    ['oauth_timestamp', p.timestamp],
    ['oauth_version', '1.0'],
  ];
  if (p.token) oauth.push(['oauth_token', p.token]);
  const key = `${oauthEncode(p.consumerSecret)}&${oauthEncode(p.tokenSecret ?? '')}`;
  const signature = createHmac(p.signatureMethod === 'HMAC-SHA1' ? 'sha1' : 'sha256', key)
    .update(oauth1BaseString(p, oauth))
    .digest('base64');
  return [...oauth, ['oauth_signature', signature]];
}

/** The Authorization header value for signed parameters. */
export function oauth1Header(signed: Array<[string, string]>): string {
  return `OAuth ${signed.map(([k, v]) => `${oauthEncode(k)}="${oauthEncode(v)}"`).join(', ')}`;
}

/** Parses an `Authorization: OAuth …` header into its parameters (the fake server checks signatures with it). */
export function parseOAuth1Header(header: string | undefined): Map<string, string> | null {
  if (!header?.startsWith('OAuth ')) return null;
  const out = new Map<string, string>();
  for (const m of header.slice(6).matchAll(/([\w-]+)="([^"]*)"/g)) out.set(decodeURIComponent(m[1]), decodeURIComponent(m[2]));
  return out;
}

/** OAuth 1.0a two-legged signing, as OneRoster 1.1 certification requires: consumer key = client id. */
export class OAuth1Auth implements HttpAuth {
  constructor(
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly signatureMethod: OAuth1Method = 'HMAC-SHA256',
  ) {}

  async headers(method: string, url: string): Promise<Record<string, string>> {
    const signed = oauth1Sign({
      method,
      url,
      consumerKey: this.clientId,
      consumerSecret: this.clientSecret,
      signatureMethod: this.signatureMethod,
      nonce: randomBytes(16).toString('hex'),
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    return { Authorization: oauth1Header(signed) };
  }

  rejectedMessage(status: number): string {
    return `The OneRoster server rejected the OAuth 1.0a signature of client id "${this.clientId}" (${status}): check the client id and secret`;
  }
}

/**
 * OAuth 2.0 client credentials: the token is asked for once (client id and secret as HTTP
 * Basic auth), cached until a minute before it expires, and asked for again once when the
 * server answers 401 (a token revoked or expired early).
 */
export class OAuth2Auth implements HttpAuth {
  private token: { value: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;
  /** Tokens fetched so far (tests and logs). */
  fetched = 0;

  /** The token endpoint has its own client: its 401 means the client id or secret is wrong, not the token. */
  private readonly http: RetryingHttpClient;

  constructor(
    private readonly tokenUrl: string,
    private readonly clientId: string,
    clientSecret: string,
    options: RetryOptions = {},
    private readonly scope?: string,
  ) {
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
    this.http = new RetryingHttpClient(
      'the OneRoster token URL',
      tokenUrl,
      {
        headers: async () => ({ Authorization: `Basic ${basic}` }),
        rejectedMessage: (status) => `The OneRoster token URL ${tokenUrl} rejected client id "${clientId}" and its secret (${status})`,
      },
      options,
    );
  }

  async headers(_method: string, _url: string, signal?: AbortSignal): Promise<Record<string, string>> {
    return { Authorization: `Bearer ${await this.accessToken(signal)}` };
  }

  async rejected(): Promise<boolean> {
    this.token = null;
    return true;
  }

  rejectedMessage(status: number): string {
    return `The OneRoster server rejected the access token issued to client id "${this.clientId}" (${status}), even after a fresh one`;
  }

  private accessToken(signal?: AbortSignal): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return Promise.resolve(this.token.value);
    this.pending ??= this.fetchToken(signal).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async fetchToken(signal?: AbortSignal): Promise<string> {
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (this.scope) body.set('scope', this.scope);
    const { json } = await this.http.json<{ access_token?: unknown; expires_in?: unknown }>(
      this.tokenUrl,
      {
        method: 'POST',
        body: body.toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      },
      signal,
    );
    if (typeof json?.access_token !== 'string' || !json.access_token) {
      throw new SourceError(`The token URL ${this.tokenUrl} answered without an access_token (is it the OAuth 2 token endpoint?)`);
    }
    const seconds = Number(json.expires_in);
    const lifetime = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 3_600_000;
    this.fetched++;
    // Renew a minute early (or at half-life for short tokens) so a page never starts with a dying token.
    this.token = { value: json.access_token, expiresAt: Date.now() + Math.max(lifetime / 2, lifetime - 60_000) };
    return json.access_token;
  }
}
