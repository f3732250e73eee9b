import { describe, expect, it } from '@jest/globals';
import { printHomeroomSchema, readSchemaFile, schemaFilePath } from '../../src/graphql/schema-file.js';

describe('schema/schema.graphql', () => {
  it('matches the schema built from the resolvers', async () => {
    const built = await printHomeroomSchema();
    const committed = readSchemaFile();
    if (committed !== built) {
      throw new Error(
        `${schemaFilePath()} is ${committed == null ? 'missing' : 'out of date with the resolvers'}. ` +
          'Run `npm run codegen` and commit schema/schema.graphql and web/src/gql/.',
      );
    }
    expect(committed).toBe(built);
  });

  it('never exposes district source credentials', async () => {
    const sdl = await printHomeroomSchema();
    expect(sdl).not.toMatch(/sourceConfig|sourceToken|sourceUrl|sourcePath|passwordHash|tokenHash/i);
    // The District type itself has nothing about how its source is reached; `source` says where, without secrets.
    const district = /type District \{[\s\S]*?\n\}/.exec(sdl)?.[0] ?? '';
    expect(district).toContain('sourceKind');
    expect(district).not.toMatch(/token|password|secret|url|path\b/i);
    const fields = (type: string) => [...(new RegExp(`type ${type} \\{([\\s\\S]*?)\\n\\}`).exec(sdl)?.[1] ?? '').matchAll(/^\s+(\w+)[:(]/gm)].map((m) => m[1]);
    expect(fields('SourceSettings')).toEqual(expect.arrayContaining(['location', 'secrets']));
    expect(fields('SourceSettings')).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(token|clientSecret|password|privateKey)$/)]));
    expect(fields('SourceSecret').sort()).toEqual(['changedAt', 'name', 'set']);
  });
});
