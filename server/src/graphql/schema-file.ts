import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { printSchema } from 'graphql';
import { findRepoRoot } from '../repo-root.js';
import { createHomeroomPubSub } from '../events/pubsub.js';
import { buildHomeroomSchema } from './schema.js';

const HEADER = '# Generated from the type-graphql resolvers by `npm run codegen`. Do not edit.\n\n';

/** schema/schema.graphql of this checkout. */
export function schemaFilePath(): string {
  return join(findRepoRoot(), 'schema', 'schema.graphql');
}

/** The SDL of the API, in declaration order (enums keep their lifecycle order). */
export async function printHomeroomSchema(): Promise<string> {
  const schema = await buildHomeroomSchema(createHomeroomPubSub());
  return `${HEADER}${printSchema(schema)}\n`;
}

/** Writes schema/schema.graphql (or `path`); returns the path written. */
export async function writeSchemaFile(path: string = schemaFilePath()): Promise<string> {
  const sdl = await printHomeroomSchema();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, sdl);
  return path;
}

/** The committed schema file's text, or null when there is none. */
export function readSchemaFile(path: string = schemaFilePath()): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
