import type { DataSource } from 'typeorm';
import type { EntityType } from '../../roster/roster-enums.js';
import { IssueSeverity } from '../sync-enums.js';

const BATCH = 500;
/** Messages quote source values; a huge field must not make an issue row too large to store. */
const MAX_MESSAGE = 400;

function clip(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}

/** Buffers a run's issues and writes them in batches; keeps counts per code for the run summary. */
export class IssueCollector {
  private buffer: unknown[][] = [];
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly ds: DataSource,
    private readonly runId: number,
  ) {}

  async add(
    severity: IssueSeverity,
    entityType: EntityType,
    sourceId: string | null,
    code: string,
    message: string,
    recordName: string | null = null,
  ): Promise<void> {
    this.counts[code] = (this.counts[code] ?? 0) + 1;
    this.buffer.push([this.runId, severity, entityType, sourceId?.slice(0, 255) ?? null, code, clip(message), recordName?.slice(0, 255) ?? null]);
    if (this.buffer.length >= BATCH) await this.flush();
  }

  error(entityType: EntityType, sourceId: string | null, code: string, message: string) {
    return this.add(IssueSeverity.ERROR, entityType, sourceId, code, message);
  }

  warn(entityType: EntityType, sourceId: string | null, code: string, message: string, recordName?: string | null) {
    return this.add(IssueSeverity.WARNING, entityType, sourceId, code, message, recordName);
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    await this.ds.query(
      `INSERT INTO sync_issue (runId, severity, entityType, sourceId, code, message, recordName) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      rows.flat(),
    );
  }
}
