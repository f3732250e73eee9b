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
