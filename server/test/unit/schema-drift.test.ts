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

  it('never exposes district source configuration or credentials', async () => {
    const sdl = await printHomeroomSchema();
    expect(sdl).not.toMatch(/sourceConfig|credential|sourceToken|sourceUrl|sourcePath|passwordHash|tokenHash/i);
    // The District type itself has nothing about where or how its source is reached.
    const district = /type District \{[\s\S]*?\n\}/.exec(sdl)?.[0] ?? '';
    expect(district).toContain('sourceKind');
    expect(district).not.toMatch(/token|password|secret|url|path\b/i);
  });
});
