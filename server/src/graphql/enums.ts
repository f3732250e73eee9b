import { registerEnumType } from 'type-graphql';
import { PersonRole, SourceKind } from '../roster/roster-enums.js';
import { SyncMode, SyncPhase, SyncStatus, SyncTrigger } from '../sync/sync-enums.js';

registerEnumType(SourceKind, { name: 'SourceKind', description: 'Where a district roster comes from.' });
registerEnumType(PersonRole, { name: 'PersonRole' });
registerEnumType(SyncMode, {
  name: 'SyncMode',
  description: 'EDIT creates and updates only; RESET also removes what the source no longer shares.',
});
registerEnumType(SyncTrigger, { name: 'SyncTrigger' });
registerEnumType(SyncStatus, { name: 'SyncStatus', description: 'SCHEDULED → IN_PROGRESS → LAUNCHED, or FAILED / CANCELLED.' });
registerEnumType(SyncPhase, { name: 'SyncPhase', description: 'Step of a run while it is IN_PROGRESS.' });

export { PersonRole, SourceKind, SyncMode, SyncPhase, SyncStatus, SyncTrigger };
