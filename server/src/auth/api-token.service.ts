import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';
import { ApiToken } from './api-token.entity.js';
import { API_TOKEN_CACHE, type AuthenticatedToken } from './api-token-cache.js';
import { randomSecret } from './password.js';
import { sha256 } from './token-hash.js';
import type { DistrictScope, Viewer } from './viewer.js';
import { ValidationError, notFound } from '../errors.js';
import { District } from '../roster/district.entity.js';
import { DistrictRepository } from '../roster/district.repository.js';
import { RowMapper } from '../roster/roster-rows.js';

export const API_TOKEN_PREFIX = 'hrt_';
const TOKEN_COLUMNS = ['id', 'name', 'districtId', 'lastUsedAt', 'revokedAt', 'expiresAt'] as const;
/** lastUsedAt is written at most this often per token, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

/** Partner API tokens: shown once at creation, stored as SHA-256, read-only access to one district. */
export class ApiTokenService {
  constructor(private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(ApiToken);
  }

  async create(
    scope: DistrictScope,
    input: { districtId: number; name: string; createdBy?: string | null; expiresAt?: Date | null },
  ): Promise<{ token: ApiToken; secret: string }> {
    scope.assertWrite(input.districtId);
    const name = input.name.trim();
    if (!name || name.length > 100) throw new ValidationError('A token needs a name of 1 to 100 characters');
    const expiresAt = input.expiresAt ?? null;
    if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now()))
      throw new ValidationError('A token expiry must be in the future');
    await new DistrictRepository(this.ds).getWritable(scope, input.districtId);
    const secret = `${API_TOKEN_PREFIX}${randomSecret(32)}`;
    const token = await this.repo.save(
      this.repo.create({
        name,
        districtId: input.districtId,
        tokenHash: sha256(secret),
        prefix: secret.slice(0, 12),
        createdBy: input.createdBy ?? null,
        lastUsedAt: null,
        revokedAt: null,
        expiresAt,
      }),
    );
    return { token, secret };
  }

  /** Tokens the caller may manage that are not revoked (expired ones show their expiry), newest first. */
  list(scope: DistrictScope, districtId?: number | null): Promise<ApiToken[]> {
    const qb = this.repo.createQueryBuilder('t').where('t.revokedAt IS NULL');
    if (districtId != null) {
      if (!scope.canWrite(districtId)) return Promise.resolve([]);
      qb.andWhere('t.districtId = :districtId', { districtId });
    }
    const ids = scope.canWrite(-1) ? null : [...(scope.districtIds ?? [])].filter((id) => scope.canWrite(id));
    if (ids) qb.andWhere(ids.length ? 't.districtId IN (:...ids)' : '1 = 0', { ids });
    return qb.orderBy('t.createdAt', 'DESC').addOrderBy('t.id', 'DESC').getMany();
  }

  async revoke(scope: DistrictScope, id: number): Promise<ApiToken> {
    const token = await this.repo.findOneBy({ id, revokedAt: IsNull() });
    if (!token || !scope.canWrite(token.districtId)) throw notFound(`API token ${id}`);
    token.revokedAt = new Date();
    const saved = await this.repo.save(token);
    API_TOKEN_CACHE.forgetToken(id);
    return saved;
  }

  /** The caller for a bearer secret, or null when unknown, revoked or expired. */
  async viewerForSecret(secret: string): Promise<Viewer | null> {
    return (await this.authenticate(secret))?.viewer ?? null;
  }

  /**
   * The caller for a bearer secret with the token's district as it is now, read in the same
   * statement (every partner request names that district, which would cost a second one);
   * null when unknown, revoked or expired.
   */
  async authenticate(secret: string): Promise<AuthenticatedToken | null> {
    const hash = sha256(secret);
    const cached = API_TOKEN_CACHE.get(hash);
    if (cached) return cached;
    const token = RowMapper.of(this.ds, ApiToken, TOKEN_COLUMNS);
    const district = RowMapper.entire(this.ds, District);
    const [row] = await this.ds.query<Array<Record<string, unknown>>>(
      `SELECT ${token.selectList('t', 't_')}, ${district.selectList('d', 'd_')} FROM api_token t INNER JOIN district d ON d.id = t.districtId WHERE t.tokenHash = ?`,
      [hash],
    );
    if (!row) return null;
    const t = token.map(row, 't_');
    if (t.revokedAt || (t.expiresAt && t.expiresAt.getTime() <= Date.now())) return null;
    const now = Date.now();
    if (!t.lastUsedAt || now - t.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await this.repo.update({ id: t.id }, { lastUsedAt: new Date(now) });
    }
    const authenticated: AuthenticatedToken = {
      viewer: { kind: 'API_TOKEN', tokenId: t.id, name: t.name, districtId: t.districtId, expiresAt: t.expiresAt },
      district: district.map(row, 'd_'),
    };
    API_TOKEN_CACHE.set(hash, authenticated);
    return authenticated;
  }
}
