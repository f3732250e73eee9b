import { Field, ID, ObjectType } from 'type-graphql';
import { RosterEventKind } from '../../sync/events/roster-event.service.js';
import { PageInfo } from '../pagination/connection.js';
import { DateTime } from '../scalars.js';
import { FieldChangeType } from '../sync/sync-detail.type.js';

@ObjectType('RosterEvent', { description: 'One change a launched sync made to one roster record.' })
export class RosterEventNode {
  @Field(() => ID, { description: 'Event id; events are numbered in the order they happened.' })
  id!: number;

  @Field(() => RosterEventKind, { description: 'What happened: CREATED, UPDATED, DELETED, RESTORED or ENDED.' })
  type!: RosterEventKind;

  @Field(() => String, { description: 'schools, terms, courses, people, sections or enrollments.' })
  entityType!: string;

  @Field(() => ID, { nullable: true, description: 'Homeroom id of the record (the `id` the roster queries return).' })
  entityId!: number | null;

  @Field(() => String, { nullable: true, description: 'Id of the record in the district’s source system.' })
  sourceId!: string | null;

  @Field(() => ID, { description: 'The sync run that made the change.' })
  runId!: number;

  @Field(() => DateTime, { description: 'When the run recorded the change.' })
  occurredAt!: Date;

  @Field(() => [FieldChangeType], { description: 'UPDATED: the changed fields, before and after. Other types: the record’s values.' })
  fields!: FieldChangeType[];
}

@ObjectType('RosterEventEdge', { description: 'One event in a page, with its cursor.' })
export class RosterEventEdge {
  @Field({ description: 'Opaque position right after this event; pass it as `after` to continue from here.' })
  cursor!: string;

  @Field(() => RosterEventNode, { description: 'The event.' })
  node!: RosterEventNode;
}

@ObjectType('RosterEventConnection', { description: 'A page of a district’s change feed, oldest first.' })
export class RosterEventConnection {
  @Field(() => [RosterEventEdge], { description: 'The events of this page, in the order they happened.' })
  edges!: RosterEventEdge[];

  @Field(() => PageInfo, {
    description: 'hasNextPage: more events are already waiting. endCursor is always set (also on an empty page): store it and pass it as `after` next time.',
  })
  pageInfo!: PageInfo;
}
