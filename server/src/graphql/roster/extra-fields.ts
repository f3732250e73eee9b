import { Field, ObjectType } from 'type-graphql';

@ObjectType('ExtraField', { description: 'An additional source field the district maps as `extra.<key>`.' })
export class ExtraFieldType {
  @Field(() => String, { description: 'The name after `extra.` in the field mapping.' })
  key!: string;

  @Field(() => String, { description: 'The value the source sent.' })
  value!: string;
}

/** The stored canonical JSON of a record's additional fields, as key/value pairs (sorted by key). */
export function extrasOf(extra: string | null | undefined): ExtraFieldType[] {
  if (!extra) return [];
  try {
    const parsed = JSON.parse(extra) as Record<string, unknown>;
    return Object.entries(parsed)
      .filter(([, v]) => typeof v === 'string')
      .map(([key, value]) => ({ key, value: value as string }));
  } catch {
    return [];
  }
}
