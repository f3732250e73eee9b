import { Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '../../auth/roles.js';
import type { SyncChange } from '../../sync/sync-change.entity.js';
import { FieldChangeType, SyncChangeType } from './sync-detail.type.js';

const text = (v: unknown): string | null => (v == null || v === '' ? null : typeof v === 'string' ? v : JSON.stringify(v));

@Authorized(Permission.ADMIN)
@Resolver(() => SyncChangeType)
export class SyncChangeResolver {
  @FieldResolver(() => [FieldChangeType], { description: 'The fields involved: changed fields of an update, all values of a create, delete or restore.' })
  fields(@Root() change: SyncChange): FieldChangeType[] {
    const before = change.before ?? {};
    const after = change.after ?? {};
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return names.map((field) => ({ field, before: text(before[field]), after: text(after[field]) }));
  }
}
