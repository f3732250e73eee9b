// Generated list, in order; see server/src/db/migration-generator.ts.
import type { MigrationInterface } from 'typeorm';
import { Initial1795461312055 } from './1795461312055-Initial.js';
import { AgendaJobs1795461513758 } from './1795461513758-AgendaJobs.js';
import { Auth1795462411356 } from './1795462411356-Auth.js';
import { RunHeartbeat1795463949526 } from './1795463949526-RunHeartbeat.js';
import { RunDetailsWithoutForeignKeys1795464465175 } from './1795464465175-RunDetailsWithoutForeignKeys.js';
import { ChangeRecordDistrict1795470000000 } from './1795470000000-ChangeRecordDistrict.js';
import { RecordsEnded1795470100000 } from './1795470100000-RecordsEnded.js';
import { RunPreview1795470200000 } from './1795470200000-RunPreview.js';
import { NotifyProblemsOnly1795470300000 } from './1795470300000-NotifyProblemsOnly.js';
import { RosterExtraFields1795480000000 } from './1795480000000-RosterExtraFields.js';
import { RunFailureCode1796068024451 } from './1796068024451-RunFailureCode.js';
import { BinarySourceIds1796068976972 } from './1796068976972-BinarySourceIds.js';
import { ApiTokenExpiry1796080000000 } from './1796080000000-ApiTokenExpiry.js';
import { RosterOrderIndexes1796090000000 } from './1796090000000-RosterOrderIndexes.js';
import { RolloverContinuity1796091000000 } from './1796091000000-RolloverContinuity.js';
import { IssueRecordName1796092000000 } from './1796092000000-IssueRecordName.js';
import { ChangeRecordAsciiKeys1796093000000 } from './1796093000000-ChangeRecordAsciiKeys.js';

export const SQLITE_MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795461312055,
  AgendaJobs1795461513758,
  Auth1795462411356,
  RunHeartbeat1795463949526,
  RunDetailsWithoutForeignKeys1795464465175,
  ChangeRecordDistrict1795470000000,
  RecordsEnded1795470100000,
  RunPreview1795470200000,
  NotifyProblemsOnly1795470300000,
  RosterExtraFields1795480000000,
  RunFailureCode1796068024451,
  BinarySourceIds1796068976972,
  ApiTokenExpiry1796080000000,
  RosterOrderIndexes1796090000000,
  RolloverContinuity1796091000000,
  IssueRecordName1796092000000,
  ChangeRecordAsciiKeys1796093000000,
];
