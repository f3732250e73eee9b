export enum SyncMode {
  EDIT = 'EDIT',
  RESET = 'RESET',
}

export enum SyncTrigger {
  SCHEDULED = 'SCHEDULED',
  MANUAL = 'MANUAL',
  ROLLOVER = 'ROLLOVER',
  REVERT = 'REVERT',
}

/** In lifecycle order: SCHEDULED → IN_PROGRESS → LAUNCHED, or FAILED / CANCELLED. */
export enum SyncStatus {
  SCHEDULED = 'SCHEDULED',
  IN_PROGRESS = 'IN_PROGRESS',
  LAUNCHED = 'LAUNCHED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

/**
 * Why a run ended FAILED or CANCELLED, for machines (SyncRun.failureCode); `error` says it
 * to people. Stored as text, so new codes need no migration.
 */
export enum FailureCode {
  /** Its process stopped (crash, kill, shutdown) before it finished; nothing was applied. */
  INTERRUPTED = 'INTERRUPTED',
  /** Cancelled after its process was gone (no heartbeat): ended at once. */
  CANCELLED_DEAD = 'CANCELLED_DEAD',
  /** Refused: it would delete more than the district's threshold. */
  THRESHOLD_EXCEEDED = 'THRESHOLD_EXCEEDED',
  /** The source as a whole could not be read. */
  SOURCE_ERROR = 'SOURCE_ERROR',
  /** The database connection was lost while it ran; nothing was changed. */
  DATABASE_LOST = 'DATABASE_LOST',
  /** The preview it needed no longer matches. */
  PREVIEW_MISMATCH = 'PREVIEW_MISMATCH',
  /** Any other failure (a defect). */
  INTERNAL = 'INTERNAL',
}

export const ACTIVE_STATUSES = [SyncStatus.SCHEDULED, SyncStatus.IN_PROGRESS];

export enum SyncPhase {
  FETCHING = 'FETCHING',
  PLANNING = 'PLANNING',
  APPLYING = 'APPLYING',
  FINALIZING = 'FINALIZING',
}

export enum ChangeAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  RESTORE = 'RESTORE',
  /** The source still sends it, but it is not active on the sync date. */
  END = 'END',
}

export enum IssueSeverity {
  ERROR = 'ERROR',
  WARNING = 'WARNING',
}

export interface EntityCounts {
  created: number;
  updated: number;
  deleted: number;
  restored: number;
  ended: number;
  unchanged: number;
}

export type RunCounts = Record<string, EntityCounts>;
