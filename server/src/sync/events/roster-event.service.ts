import type { DataSource } from 'typeorm';
import type { DistrictScope } from '../../auth/viewer.js';
import { ApiError, CursorExpiredError, InvalidCursorError } from '../../errors.js';
import { ENTITY_TYPES } from '../../roster/roster-enums.js';
import { SyncRun } from '../sync-run.entity.js';
import { EventCursorCodec, type EventCursor } from './event-cursor.js';
import { changeRows, feedHead, type ChangeRow } from './roster-event.queries.js';
import { DistrictRepository } from '../../roster/district.repository.js';

export const DEFAULT_EVENT_PAGE = 100;
export const MAX_EVENT_PAGE = 1000;

/** What happened to a record, as the feed names it; the value is the change-log action. */
export enum RosterEventKind {
  CREATED = 'CREATE',
  UPDATED = 'UPDATE',
  DELETED = 'DELETE',
  RESTORED = 'RESTORE',
  ENDED = 'END',
}

export interface RosterEvent extends ChangeRow {
  /** Resume after this event. */
  cursor: string;
}

export interface EventPageRequest {
  after?: string | null;
  first?: number | null;
  kinds?: RosterEventKind[] | null;
  entityTypes?: string[] | null;
}

export interface EventPage {
  events: RosterEvent[];
  hasNextPage: boolean;
  /** Always set: with no new events it still moves past what this page skipped. */
  endCursor: string;
}

const seconds = (d: Date | number) => Math.floor((typeof d === 'number' ? d : d.getTime()) / 1000);

/**
 * The partner change feed of one district: every change of its launched, applied runs
 * (reverts included, previews never), in change-id order, behind signed cursors.
 *
 * Why change-id order is safe to resume from: a district has at most one run at a time (a
 * unique index on sync_run.activeDistrictId) and a run's change rows are written and marked
 * LAUNCHED in one transaction, so the committed events of a district only ever grow at the
 * top. A page is read up to the newest change id outside the district's run in progress (the
 * head, read first), so a run committing while the page is read can never slip in below a
 * returned cursor.
 */
export class RosterEventService {
  constructor(
    private readonly ds: DataSource,
    private readonly scope: DistrictScope,
    private readonly codec: EventCursorCodec,
    private readonly retentionDays: number,
    private readonly now: () => number = Date.now,
  ) {}

  static create(ds: DataSource, scope: DistrictScope, secret: Buffer, retentionDays: number): RosterEventService {
    return new RosterEventService(ds, scope, codecFor(secret), retentionDays);
  }

  async page(districtId: number, req: EventPageRequest): Promise<EventPage> {
    const first = req.first ?? DEFAULT_EVENT_PAGE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_EVENT_PAGE) {
      throw new ApiError('BAD_USER_INPUT', `first must be from 1 to ${MAX_EVENT_PAGE} (the most events one page returns), got ${first}`);
    }
    const unknown = (req.entityTypes ?? []).filter((t) => !(ENTITY_TYPES as readonly string[]).includes(t));
    if (unknown.length) throw new ApiError('BAD_USER_INPUT', `Unknown entity type "${unknown[0]}": use ${ENTITY_TYPES.join(', ')}`);
    await this.assertDistrict(districtId);
    const afterId = req.after == null ? 0 : this.open(districtId, req.after).afterId;

    const { since, activeRunId } = await this.activeRun(districtId);
    const head = Math.max(afterId, await feedHead(this.ds, districtId, activeRunId));
    const rows = head > afterId ? await changeRows(this.ds, districtId, afterId, head, first + 1, { actions: req.kinds, entityTypes: req.entityTypes }) : [];
    const hasNextPage = rows.length > first;
    const events = rows.slice(0, first).map((row) => ({ ...row, cursor: this.codec.encode({ districtId, afterId: row.id, since: seconds(row.createdAt) }) }));
    const endCursor = hasNextPage ? events.at(-1)!.cursor : this.codec.encode({ districtId, afterId: head, since });
    return { events, hasNextPage, endCursor };
  }

  /** The feed's current end: follow from here after a full pull of the roster. */
  async latestCursor(districtId: number): Promise<string> {
    this.scope.assertRead(districtId);
    const { since, activeRunId } = await this.activeRun(districtId);
    return this.codec.encode({ districtId, afterId: await feedHead(this.ds, districtId, activeRunId), since });
  }

  /** A cursor this server issued for this district and still inside the retention window. */
  private open(districtId: number, cursor: string): EventCursor {
    const c = this.codec.decode(cursor);
    // Another district's cursor is refused exactly like a forged one: no hint that it exists.
    if (!c || c.districtId !== districtId) throw new InvalidCursorError();
    if (c.since < seconds(this.now()) - this.retentionDays * 86_400) throw new CursorExpiredError();
    return c;
  }

  /**
   * The district's run in progress (scheduled or running), read before the head: its rows
   * stay out of the head, and `since` is a lower bound for when any event after the head will
   * be recorded — that run's creation, else now (a run created later is younger).
   */
  private async activeRun(districtId: number): Promise<{ since: number; activeRunId: number | null }> {
    const active = await this.ds.getRepository(SyncRun).findOne({ where: { activeDistrictId: districtId }, select: { id: true, createdAt: true } });
    return { since: seconds(active ? Math.min(active.createdAt.getTime(), this.now()) : this.now()), activeRunId: active?.id ?? null };
  }

  private async assertDistrict(districtId: number): Promise<void> {
    await new DistrictRepository(this.ds).getReadable(this.scope, districtId);
  }
}

const codecs = new WeakMap<Buffer, EventCursorCodec>();
function codecFor(secret: Buffer): EventCursorCodec {
  let codec = codecs.get(secret);
  if (!codec) codecs.set(secret, (codec = new EventCursorCodec(secret)));
  return codec;
}
