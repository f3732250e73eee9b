import { registerEnumType } from 'type-graphql';
import { AdminRole } from '../auth/roles.js';
import { PersonRole, SourceKind } from '../roster/roster-enums.js';
import { ChangeAction, FailureCode, IssueSeverity, SyncMode, SyncPhase, SyncStatus, SyncTrigger } from '../sync/sync-enums.js';
import { RosterEventKind } from '../sync/events/roster-event.service.js';
import { SyncPresence } from '../sync/why-not-synced.service.js';
import { SectionContinuityRule } from '../sync/engine/section-continuity.js';

registerEnumType(SourceKind, {
  name: 'SourceKind',
  description: 'Where a district roster comes from.',
  valuesConfig: {
    CLEVER_API: { description: 'The Clever Data API v3.0 (district token).' },
    CLEVER_CSV: { description: 'A Clever-format CSV export (folder, zip, sftp:// or https:// location).' },
    ONEROSTER_CSV: { description: 'OneRoster 1.1 CSV bulk files (folder, zip, sftp:// or https:// location).' },
    ONEROSTER_API: { description: 'A OneRoster 1.1 REST API (OAuth 2 client credentials or OAuth 1.0a signing).' },
    DEMO: { description: 'A generated demo district.' },
  },
});
registerEnumType(PersonRole, {
  name: 'PersonRole',
  description: 'Role of a person in the roster and in an enrollment.',
  valuesConfig: { STUDENT: { description: 'A student.' }, TEACHER: { description: 'A teacher (primary or co-teacher in an enrollment).' } },
});
registerEnumType(SyncMode, {
  name: 'SyncMode',
  description: 'EDIT creates and updates only; RESET also removes what the source no longer shares.',
  valuesConfig: {
    EDIT: { description: 'Create and update; never delete schools, people or sections (the nightly default).' },
    RESET: { description: 'Make the district match the source, soft-deleting what it no longer shares (guarded by the reset threshold).' },
  },
});
registerEnumType(SyncTrigger, {
  name: 'SyncTrigger',
  description: 'What started a run.',
  valuesConfig: {
    SCHEDULED: { description: 'The district schedule.' },
    MANUAL: { description: 'An admin (dashboard, API or CLI).' },
    ROLLOVER: { description: 'A new school year rollover.' },
    REVERT: { description: 'A revert of the previous run (see revertOfRunId).' },
  },
});
registerEnumType(SyncStatus, {
  name: 'SyncStatus',
  description: 'SCHEDULED → IN_PROGRESS → LAUNCHED, or FAILED / CANCELLED.',
  valuesConfig: {
    SCHEDULED: { description: 'Waiting for a worker ("Scheduled").' },
    IN_PROGRESS: { description: 'Running ("In Progress"); see phase.' },
    LAUNCHED: { description: 'Finished and applied ("Launched").' },
    FAILED: { description: 'Stopped with an error; nothing was changed ("Failed").' },
    CANCELLED: { description: 'Cancelled on request; nothing was changed ("Cancelled").' },
  },
});
registerEnumType(FailureCode, {
  name: 'FailureCode',
  description: 'Why a run ended FAILED or CANCELLED, for programs (error says it to people).',
  valuesConfig: {
    INTERRUPTED: { description: 'The process running it stopped (crash, kill, shutdown) before it finished; nothing was applied.' },
    CANCELLED_DEAD: { description: 'Cancelled after the process running it was gone; ended at once.' },
    THRESHOLD_EXCEEDED: { description: 'Refused: it would delete more than the district’s threshold.' },
    SOURCE_ERROR: { description: 'The source as a whole could not be read.' },
    DATABASE_LOST: { description: 'The database connection was lost while it ran; nothing was changed.' },
    PREVIEW_MISMATCH: { description: 'The preview it required no longer matches.' },
    INTERNAL: { description: 'Any other failure.' },
  },
});
registerEnumType(SyncPhase, {
  name: 'SyncPhase',
  description: 'Step of a run while it is IN_PROGRESS.',
  valuesConfig: {
    FETCHING: { description: 'Reading and filtering the source.' },
    PLANNING: { description: 'Comparing the source with the roster.' },
    APPLYING: { description: 'Writing the changes.' },
    FINALIZING: { description: 'Recording counts and issues.' },
  },
});
registerEnumType(ChangeAction, {
  name: 'ChangeAction',
  description: 'What a run did (or, for a dry run, would do) to one record.',
  valuesConfig: {
    CREATE: { description: 'A new record.' },
    UPDATE: { description: 'Changed fields of an existing record.' },
    DELETE: { description: 'A soft delete (Reset only).' },
    RESTORE: { description: 'A previously deleted record brought back.' },
    END: {
      description:
        'The source still sends the record but it is not active on the sync date (last year’s sections): ended, hidden from the live roster, not deleted.',
    },
  },
});
registerEnumType(IssueSeverity, {
  name: 'IssueSeverity',
  description: 'How serious a sync issue is.',
  valuesConfig: { ERROR: { description: 'The record was left out.' }, WARNING: { description: 'Synced with a caveat, or deliberately filtered out.' } },
});
registerEnumType(AdminRole, {
  name: 'AdminRole',
  description: 'What an admin user may do.',
  valuesConfig: {
    PLATFORM_ADMIN: { description: 'Everything, in every district.' },
    SUPPORT: { description: 'Read-only across every district: runs, changes, issues and rosters.' },
    DISTRICT_ADMIN: { description: 'Read and write one district.' },
  },
});
registerEnumType(SyncPresence, {
  name: 'SyncPresence',
  description: 'Answer of whyNotSynced.',
  valuesConfig: {
    SYNCED: { description: 'The record is in the roster.' },
    DELETED: { description: 'The record was synced once and has been removed.' },
    NOT_SYNCED: { description: 'The last run saw the record and left it out; the issues say why.' },
    UNKNOWN: { description: 'Neither the roster nor the last run knows the record.' },
  },
});

registerEnumType(RosterEventKind, {
  name: 'RosterEventType',
  description: 'What a launched sync did to one roster record.',
  valuesConfig: {
    CREATED: { description: 'A new record.' },
    UPDATED: { description: 'Changed fields of an existing record.' },
    DELETED: { description: 'The record was removed (a Reset, a revert of its creation, or an enrollment the source dropped).' },
    RESTORED: { description: 'A removed record came back.' },
    ENDED: { description: 'The source still sends the record but it is no longer active (last year’s sections); hidden from the live roster.' },
  },
});

export {
  AdminRole,
  ChangeAction,
  FailureCode,
  IssueSeverity,
  PersonRole,
  RosterEventKind,
  SourceKind,
  SyncMode,
  SyncPhase,
  SyncPresence,
  SyncStatus,
  SyncTrigger,
  SectionContinuityRule,
};

registerEnumType(SectionContinuityRule, {
  name: 'SectionContinuityRule',
  description: 'Why a section was named the continuation of an ended one (always within one school).',
  valuesConfig: {
    SAME_TEACHER: { description: 'Same school, same course and same primary teacher.' },
    SAME_PERIOD: { description: 'Same school, same course and same period; another primary teacher.' },
  },
});
