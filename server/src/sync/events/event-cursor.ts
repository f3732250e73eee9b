import { createHmac, timingSafeEqual } from 'node:crypto';

/** A position in one district's change feed. */
export interface EventCursor {
  districtId: number;
  /** The feed continues with the events whose change id is greater than this. */
  afterId: number;
  /**
   * Epoch seconds: every event after `afterId` was recorded at or after this moment. When it is
   * older than the retention window, the cleanup may already have deleted events the partner
   * has not seen, so the cursor has expired.
   */
  since: number;
}

const b64url = (b: Buffer) => b.toString('base64url');

/**
 * Opaque, tamper-proof cursors: the position is signed (HMAC-SHA256 with a key derived from
 * SECRET_KEY), so a forged or edited cursor is refused rather than trusted, and cursors stay
 * valid across restarts and API processes that share the secret.
 */
export class EventCursorCodec {
  private readonly key: Buffer;

  constructor(secret: Buffer) {
    this.key = createHmac('sha256', secret).update('homeroom roster-event cursor v1').digest();
  }

  encode(c: EventCursor): string {
    const body = `${c.districtId}.${c.afterId}.${c.since}`;
    return `${b64url(Buffer.from(body, 'utf8'))}.${b64url(this.mac(body))}`;
  }

  /** The cursor, or null when this server did not issue it. */
  decode(cursor: string): EventCursor | null {
    const m = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{22})$/.exec(cursor);
    if (!m) return null;
    const body = Buffer.from(m[1], 'base64url').toString('utf8');
    const given = Buffer.from(m[2], 'base64url');
    const expected = this.mac(body);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const parts = /^(\d{1,15})\.(\d{1,15})\.(\d{1,15})$/.exec(body);
    if (!parts) return null;
    return { districtId: Number(parts[1]), afterId: Number(parts[2]), since: Number(parts[3]) };
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, 16);
  }
}
