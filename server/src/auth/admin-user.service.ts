import type { DataSource } from 'typeorm';
import { LessThan } from 'typeorm';
import { District } from '../roster/district.entity.js';
import { AdminSession } from './admin-session.entity.js';
import { AdminUser } from './admin-user.entity.js';
import { hashPassword, randomSecret, verifyPassword } from './password.js';
import { AdminRole } from './roles.js';
import { sha256 } from './token-hash.js';
import type { Viewer } from './viewer.js';
import { ValidationError, ApiError } from '../errors.js';

export const SESSION_TTL_MS = 14 * 24 * 3600_000;
/** Session secrets start with this, API tokens with `hrt_`: a bearer says which it is. */
export const SESSION_PREFIX = 'hrs_';
const MIN_PASSWORD = 10;
// Verifying against a dummy hash when the email is unknown keeps login timing flat.
let dummyHash: Promise<string> | null = null;

export interface CreateAdminInput {
  email: string;
  password: string;
  role: AdminRole;
  districtId?: number | null;
}

/** Admin accounts, sign-in and sessions. */
export class AdminUserService {
  constructor(private readonly ds: DataSource) {}

  async create(input: CreateAdminInput): Promise<AdminUser> {
    const email = input.email.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new ValidationError(`"${input.email}" is not an email address`);
    if (!Object.values(AdminRole).includes(input.role))
      throw new ValidationError(`Unknown role "${input.role}" (one of ${Object.values(AdminRole).join(', ')})`);
    if (input.password.length < MIN_PASSWORD) throw new ValidationError(`A password needs at least ${MIN_PASSWORD} characters`);
    let districtId: number | null = null;
    if (input.role === AdminRole.DISTRICT_ADMIN) {
      if (input.districtId == null) throw new ValidationError('A district admin needs a district');
      if (!(await this.ds.getRepository(District).existsBy({ id: input.districtId }))) throw new ValidationError(`No district ${input.districtId}`);
      districtId = input.districtId;
    } else if (input.districtId != null) {
      throw new ValidationError(`Only a district admin belongs to one district; a ${input.role} sees every district`);
    }
    const repo = this.ds.getRepository(AdminUser);
    if (await repo.existsBy({ email })) throw new ValidationError(`An admin with email ${email} already exists`);
    return repo.save(repo.create({ email, passwordHash: await hashPassword(input.password), role: input.role, districtId, lastLoginAt: null }));
  }

  count(): Promise<number> {
    return this.ds.getRepository(AdminUser).count();
  }

  /** Checks the password and opens a session; the secret is returned once (for the cookie). */
  async login(emailRaw: string, password: string): Promise<{ user: AdminUser; secret: string; expiresAt: Date }> {
    const email = emailRaw.trim().toLowerCase();
    const user = await this.ds.getRepository(AdminUser).findOneBy({ email });
    const ok = user
      ? await verifyPassword(password, user.passwordHash)
      : (await verifyPassword(password, await (dummyHash ??= hashPassword(randomSecret()))), false);
    if (!user || !ok) throw new ApiError('UNAUTHENTICATED', 'Wrong email or password');
    const secret = `${SESSION_PREFIX}${randomSecret(32)}`;
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    await this.ds.getRepository(AdminSession).insert({ tokenHash: sha256(secret), adminUserId: user.id, expiresAt });
    await this.ds.getRepository(AdminUser).update({ id: user.id }, { lastLoginAt: new Date() });
    await this.ds.getRepository(AdminSession).delete({ adminUserId: user.id, expiresAt: LessThan(new Date()) });
    return { user, secret, expiresAt };
  }

  async logout(sessionId: number): Promise<void> {
    await this.ds.getRepository(AdminSession).delete({ id: sessionId });
  }

  /** The signed-in admin for a session secret (one SQL statement), or null when unknown or expired. */
  async viewerForSession(secret: string): Promise<Viewer | null> {
    const session = await this.ds
      .getRepository(AdminSession)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.adminUser', 'u')
      .where('s.tokenHash = :hash', { hash: sha256(secret) })
      .getOne();
    if (!session?.adminUser || session.expiresAt.getTime() < Date.now()) return null;
    const u = session.adminUser;
    return { kind: 'ADMIN', userId: u.id, email: u.email, role: u.role, districtId: u.districtId, sessionId: session.id, expiresAt: session.expiresAt };
  }

  findById(id: number): Promise<AdminUser | null> {
    return this.ds.getRepository(AdminUser).findOneBy({ id });
  }
}
