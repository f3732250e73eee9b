import { Field, ID, ObjectType } from 'type-graphql';
import { PersonRole } from '../enums.js';

@ObjectType('Person')
export class PersonType {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: 'Id of the person in the source system.' })
  sourceId!: string;

  @Field(() => PersonRole)
  role!: PersonRole;

  @Field(() => String)
  givenName!: string;

  @Field(() => String, { nullable: true })
  middleName!: string | null;

  @Field(() => String)
  familyName!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  username!: string | null;

  @Field(() => String, { nullable: true })
  sisId!: string | null;

  @Field(() => String, { nullable: true })
  stateId!: string | null;

  @Field(() => String, { nullable: true })
  grade!: string | null;
}
