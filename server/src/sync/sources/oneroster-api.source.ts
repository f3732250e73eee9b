import { ONEROSTER_MAPPINGS } from './oneroster-mappings.js';
import { PersonRole, SourceKind, type EntityType } from '../../roster/roster-enums.js';
import { flattenClever } from './clever-api.source.js';
import { MISSING_REQUIRED_FIELD, ProblemList, ROLE_SKIPPED } from './csv-files.js';
import { OAuth1Auth, OAuth2Auth, type OAuth1Method, type OneRosterAuthKind } from './oneroster-auth.js';
import { pages, type PagingState } from './oneroster-paging.js';
import { RetryingHttpClient, type RetryOptions } from './retrying-http.js';
import type {
  CourseRecord,
  EnrollmentRecord,
  FieldMappingTable,
  PersonRecord,
  RawFields,
  RosterSource,
  SchoolRecord,
  SectionRecord,
  SourceProblem,
  SourceRecordOf,
  TermRecord,
} from './roster-source.js';
import { SourceError } from '../../errors.js';

export const DEFAULT_ONEROSTER_PAGE_SIZE = 1000;

export interface OneRosterApiOptions extends RetryOptions {
  /** Base URL ending in the version, e.g. https://sis.example.org/ims/oneroster/v1p1. */
  url: string;
  clientId: string;
  clientSecret: string;
  /** Default oauth2. */
  auth?: OneRosterAuthKind;
  /** OAuth 2 token endpoint; default `<url>/token`. */
  tokenUrl?: string;
  /** OAuth 1.0a signature method; default HMAC-SHA256. */
  signatureMethod?: OAuth1Method;
  /** Records asked per page (`limit`); default 1000. Servers that cap lower are followed. */
  pageSize?: number;
}

/** Endpoint and answer key of each collection. */
const COLLECTIONS = {
  orgs: 'orgs',
  academicSessions: 'academicSessions',
  courses: 'courses',
  classes: 'classes',
  users: 'users',
  enrollments: 'enrollments',
} as const;
type Collection = keyof typeof COLLECTIONS;
const COLLECTION_OF: Record<EntityType, Collection> = {
  schools: 'orgs',
  terms: 'academicSessions',
  courses: 'courses',
  people: 'users',
  sections: 'classes',
  enrollments: 'enrollments',
};

const ROLES: Record<string, PersonRole> = { teacher: PersonRole.TEACHER, student: PersonRole.STUDENT };

type Obj = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);
const refId = (v: unknown): string | null => (v && typeof v === 'object' ? str((v as Obj).sourcedId) : null);
const refIds = (v: unknown): string[] => (Array.isArray(v) ? [...new Set(v.map(refId).filter((x): x is string => x !== null))] : []);
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : (v ?? null));

/** A OneRoster object as mappable fields (see ONEROSTER_MAPPINGS). */
export function flattenOneRoster(obj: Obj): RawFields {
  const fields = flattenClever(obj);
  for (const [key, value] of Object.entries(obj)) {
    if (!Array.isArray(value) || !value.some((v) => v && typeof v === 'object')) continue;
    if (key === 'userIds') {
      for (const u of value as Obj[]) {
        const type = str(u?.type);
        if (type) fields[`userIds.${type}`] = str(u.identifier);
      }
    } else fields[key] = refIds(value).join(',');
  }
  return fields;
}

/**
 * A OneRoster 1.1 REST API (Illuminate, PowerSchool, Infinite Campus, Skyward, ClassLink…):
 * orgs, academicSessions, courses, classes, users and enrollments under the base URL, read
 * page by page with the shared retrying client and OAuth 2 client credentials or OAuth 1.0a
 * signing. Records with status "tobedeleted" are absent; users and enrollments with roles
 * other than teacher and student are skipped and counted.
 */
export class OneRosterApiSource implements RosterSource {
  readonly kind = SourceKind.ONEROSTER_API;
  readonly http: RetryingHttpClient;
  readonly auth: OAuth1Auth | OAuth2Auth;
  readonly paging: PagingState;
  private readonly problems = new ProblemList();
  /** Orgs that are not schools (the district, departments): never a person's school. */
  private readonly otherOrgs = new Set<string>();

  constructor(options: OneRosterApiOptions) {
    const url = options.url?.trim().replace(/\/+$/, '');
    if (!url || !/^https?:\/\/[^/]/.test(url))
      throw new SourceError('The OneRoster district has no valid base URL: set one with --url https://…/ims/oneroster/v1p1');
    if (!options.clientId) throw new SourceError('The OneRoster district has no client id: set one with --client-id');
    if (!options.clientSecret) throw new SourceError('The OneRoster district has no client secret: set one with --client-secret');
    const pageSize = options.pageSize ?? DEFAULT_ONEROSTER_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10000)
      throw new SourceError(`The OneRoster page size must be a whole number from 1 to 10000, got ${pageSize}`);
    this.paging = { limit: pageSize, cappedAt: null };
    this.auth =
      (options.auth ?? 'oauth2') === 'oauth1'
        ? new OAuth1Auth(options.clientId, options.clientSecret, options.signatureMethod)
        : new OAuth2Auth(options.tokenUrl?.trim() || `${url}/token`, options.clientId, options.clientSecret, options);
    this.http = new RetryingHttpClient('the OneRoster server', url, this.auth, options);
  }

  defaultMappings(): FieldMappingTable {
    return ONEROSTER_MAPPINGS;
  }

  takeProblems(): SourceProblem[] {
    return this.problems.take();
  }

  async *records<E extends EntityType>(entity: E, signal?: AbortSignal): AsyncIterable<SourceRecordOf[E]> {
    const generators = {
      schools: () => this.schools(signal),
      terms: () => this.terms(signal),
      courses: () => this.courses(signal),
      people: () => this.people(signal),
      sections: () => this.sections(signal),
      enrollments: () => this.enrollments(signal),
    } as const;
    yield* generators[entity]() as AsyncIterable<SourceRecordOf[E]>;
  }

  /** Checks the credentials: the district org's name and how many records each collection lists. */
  async describe(signal?: AbortSignal) {
    let districtName: string | null = null;
    const counts: Partial<Record<EntityType, number>> = {};
    for await (const org of this.list('orgs', signal)) {
      if (str(org.type)?.toLowerCase() === 'district' && !districtName) districtName = str(org.name);
    }
    for (const entity of ['schools', 'terms', 'courses', 'people', 'sections', 'enrollments'] as const) {
      let n = 0;
      for await (const _ of this.records(entity, signal)) n++;
      counts[entity] = n;
    }
    this.problems.take();
    return { districtName, counts };
  }

  /** The fields the first page of the entity's collection has, plus the standard ones a page may leave out. */
  async availableFields(entity: EntityType, signal?: AbortSignal): Promise<string[]> {
    const fields = new Set(Object.values(ONEROSTER_MAPPINGS[entity] ?? {}));
    for await (const page of pages(this.http, `/${COLLECTION_OF[entity]}`, COLLECTIONS[COLLECTION_OF[entity]], { ...this.paging }, signal)) {
      for (const obj of page) for (const k of Object.keys(flattenOneRoster(obj))) fields.add(k);
      break;
    }
    return [...fields].sort();
  }

  /** Live objects of a collection (status "tobedeleted" is absent), each with a sourcedId. */
  private async *list(collection: Collection, signal?: AbortSignal): AsyncGenerator<Obj & { sourcedId: string }> {
    for await (const page of pages(this.http, `/${collection}`, COLLECTIONS[collection], this.paging, signal)) {
      for (const obj of page) {
        if (str(obj.status)?.toLowerCase() === 'tobedeleted') continue;
        const id = str(obj.sourcedId);
        if (!id) {
          this.problems.add(
            COLLECTION_TO_ENTITY[collection],
            null,
            MISSING_REQUIRED_FIELD,
            `The OneRoster server listed one of its ${collection} without a sourcedId; it was skipped.`,
          );
          continue;
        }
        yield Object.assign(obj, { sourcedId: id });
      }
    }
  }

  private async *schools(signal?: AbortSignal): AsyncGenerator<SchoolRecord> {
    for await (const org of this.list('orgs', signal)) {
      if (str(org.type)?.toLowerCase() === 'school') yield { sourceId: org.sourcedId, fields: flattenOneRoster(org) };
      else this.otherOrgs.add(org.sourcedId);
    }
  }

  private async *terms(signal?: AbortSignal): AsyncGenerator<TermRecord> {
    for await (const t of this.list('academicSessions', signal)) {
      yield {
        sourceId: t.sourcedId,
        fields: { ...flattenOneRoster(t), startDate: day(t.startDate) as string | null, endDate: day(t.endDate) as string | null },
      };
    }
  }

  private async *courses(signal?: AbortSignal): AsyncGenerator<CourseRecord> {
    for await (const c of this.list('courses', signal)) yield { sourceId: c.sourcedId, fields: flattenOneRoster(c) };
  }

  private async *people(signal?: AbortSignal): AsyncGenerator<PersonRecord> {
    const skipped = new Map<string, number>();
    for await (const u of this.list('users', signal)) {
      const roleName = str(u.role)?.toLowerCase() ?? '';
      const role = ROLES[roleName];
      if (!role) {
        skipped.set(roleName || '(none)', (skipped.get(roleName || '(none)') ?? 0) + 1);
        continue;
      }
      const schoolSourceIds = refIds(u.orgs).filter((o) => !this.otherOrgs.has(o));
      yield { sourceId: u.sourcedId, role, schoolSourceIds, fields: flattenOneRoster(u) };
    }
    this.reportSkipped('people', 'user', skipped);
  }

  private async *sections(signal?: AbortSignal): AsyncGenerator<SectionRecord> {
    for await (const c of this.list('classes', signal)) {
      yield {
        sourceId: c.sourcedId,
        schoolSourceId: refId(c.school) ?? '',
        courseSourceId: refId(c.course),
        termSourceIds: refIds(c.terms),
        fields: flattenOneRoster(c),
      };
    }
  }

  private async *enrollments(signal?: AbortSignal): AsyncGenerator<EnrollmentRecord> {
    const skipped = new Map<string, number>();
    for await (const e of this.list('enrollments', signal)) {
      const roleName = str(e.role)?.toLowerCase() ?? '';
      const role = ROLES[roleName];
      if (!role) {
        skipped.set(roleName || '(none)', (skipped.get(roleName || '(none)') ?? 0) + 1);
        continue;
      }
      const section = refId(e.class);
      const person = refId(e.user);
      if (!section || !person) {
        this.problems.add(
          'enrollments',
          e.sourcedId,
          MISSING_REQUIRED_FIELD,
          `Enrollment ${e.sourcedId} has no ${section ? 'user' : 'class'}; it was skipped.`,
        );
        continue;
      }
      const primary = e.primary === true || str(e.primary)?.toLowerCase() === 'true';
      yield {
        sourceId: e.sourcedId,
        sectionSourceId: section,
        personSourceId: person,
        role,
        primary: role === PersonRole.TEACHER && primary,
        beginDate: day(e.beginDate) as string | null,
        endDate: day(e.endDate) as string | null,
      };
    }
    this.reportSkipped('enrollments', 'enrollment', skipped);
  }

  private reportSkipped(entity: EntityType, what: string, skipped: Map<string, number>): void {
    for (const [role, n] of skipped) {
      this.problems.add(
        entity,
        null,
        ROLE_SKIPPED,
        `Skipped ${n} ${what}${n === 1 ? '' : 's'} with the role "${role}": Homeroom syncs teachers and students only.`,
      );
    }
  }
}

const COLLECTION_TO_ENTITY = Object.fromEntries(Object.entries(COLLECTION_OF).map(([e, c]) => [c, e])) as Record<Collection, EntityType>;
