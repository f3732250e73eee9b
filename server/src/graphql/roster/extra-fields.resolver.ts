import { Arg, Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { extrasOf, ExtraFieldType } from './extra-fields.js';
import { PersonType } from './person.type.js';
import { SchoolType } from './school.type.js';
import { SectionType } from './section.type.js';

type WithExtra = { extra?: string | null };

/*
 * `extra(key:)` and `extras` on schools, people and sections: the additional source fields a
 * district maps as `extra.<name>`, stored with the record and synced like its other fields.
 */

@Authorized()
@Resolver(() => SchoolType)
export class SchoolExtraResolver {
  @FieldResolver(() => String, { nullable: true, description: 'One additional source field (mapped as `extra.<key>`), or null.' })
  extra(@Root() r: WithExtra, @Arg('key', () => String, { description: 'The name after `extra.` in the field mapping.' }) key: string): string | null {
    return extrasOf(r.extra).find((e) => e.key === key)?.value ?? null;
  }

  @FieldResolver(() => [ExtraFieldType], { description: 'Every additional source field of the school, sorted by key.' })
  extras(@Root() r: WithExtra): ExtraFieldType[] {
    return extrasOf(r.extra);
  }
}

@Authorized()
@Resolver(() => PersonType)
export class PersonExtraResolver {
  @FieldResolver(() => String, { nullable: true, description: 'One additional source field (mapped as `extra.<key>`), or null.' })
  extra(@Root() r: WithExtra, @Arg('key', () => String, { description: 'The name after `extra.` in the field mapping.' }) key: string): string | null {
    return extrasOf(r.extra).find((e) => e.key === key)?.value ?? null;
  }

  @FieldResolver(() => [ExtraFieldType], { description: 'Every additional source field of the person, sorted by key.' })
  extras(@Root() r: WithExtra): ExtraFieldType[] {
    return extrasOf(r.extra);
  }
}

@Authorized()
@Resolver(() => SectionType)
export class SectionExtraResolver {
  @FieldResolver(() => String, { nullable: true, description: 'One additional source field (mapped as `extra.<key>`), or null.' })
  extra(@Root() r: WithExtra, @Arg('key', () => String, { description: 'The name after `extra.` in the field mapping.' }) key: string): string | null {
    return extrasOf(r.extra).find((e) => e.key === key)?.value ?? null;
  }

  @FieldResolver(() => [ExtraFieldType], { description: 'Every additional source field of the section, sorted by key.' })
  extras(@Root() r: WithExtra): ExtraFieldType[] {
    return extrasOf(r.extra);
  }
}
