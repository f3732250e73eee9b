import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../scalars.js';

@ObjectType('School', { description: 'A school of a district, as last synced.' })
export class SchoolType {
  @Field(() => ID, { description: 'Homeroom id.' })
  id!: number;

  @Field(() => String, { description: 'Id of the school in the source system.' })
  sourceId!: string;

  @Field(() => String, { description: 'School name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The district’s own school number.' })
  schoolNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'State school id.' })
  stateId!: string | null;

  @Field(() => String, { nullable: true, description: 'NCES school id.' })
  ncesId!: string | null;

  @Field(() => String, { nullable: true, description: 'Lowest grade taught, as the source names it.' })
  lowGrade!: string | null;

  @Field(() => String, { nullable: true, description: 'Highest grade taught, as the source names it.' })
  highGrade!: string | null;

  @Field(() => String, { nullable: true, description: 'Principal’s name.' })
  principal!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When a sync removed it (only seen with includeDeleted).' })
  deletedAt!: Date | null;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When a sync ended it: the source still sends it but it was not active on the sync date (only seen with includeEnded).',
  })
  endedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The run that ended it.' })
  endedByRunId!: number | null;
}
