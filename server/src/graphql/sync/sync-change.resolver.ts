import { Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '../../auth/roles.js';
import type { SyncChange } from '../../sync/sync-change.entity.js';
import { fieldChanges } from './field-changes.js';
import { FieldChangeType, SyncChangeType } from './sync-detail.type.js';

@Authorized(Permission.ADMIN)
@Resolver(() => SyncChangeType)
export class SyncChangeResolver {
  @FieldResolver(() => [FieldChangeType], { description: 'The fields involved: changed fields of an update, all values of a create, delete or restore.' })
  fields(@Root() change: SyncChange): FieldChangeType[] {
    return fieldChanges(change.before, change.after);
  }
}
