import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { findRepoRoot } from '../../src/repo-root.js';

const STALE = 'web/src/gql is out of date with schema/schema.graphql or the dashboard queries. Run `npm run codegen` and commit web/src/gql/.';

// @graphql-codegen/cli loads its preset with require() of ESM-only packages, which jest's
// module system cannot do on Node 20: run its programmatic API in a plain Node process.
const GENERATE = `
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
const { config } = await loadCodegenConfig({ configFilePath: 'codegen.yml' });
const outputs = await generate({ ...config, cwd: process.cwd(), silent: true }, false);
process.stdout.write(JSON.stringify(outputs.map(({ filename, content }) => ({ filename, content }))));
`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

describe('web/src/gql (generated client)', () => {
  it('matches what codegen.yml generates from the committed schema and documents', () => {
    const root = findRepoRoot();
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', GENERATE], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const outputs = JSON.parse(stdout) as Array<{ filename: string; content: string }>;
    expect(outputs.length).toBeGreaterThan(0);

    const expected = new Map(outputs.map((o) => [relative(root, resolve(root, o.filename)), o.content]));
    const actual = new Map(filesUnder(join(root, 'web/src/gql')).map((f) => [relative(root, f), readFileSync(f, 'utf8')]));
    const stale = [...expected].filter(([file, content]) => actual.get(file) !== content).map(([file]) => file);
    const extra = [...actual.keys()].filter((file) => !expected.has(file));
    if (stale.length || extra.length) {
      throw new Error(`${STALE}\nDiffering: ${stale.join(', ') || '-'}\nNot generated any more: ${extra.join(', ') || '-'}`);
    }
  });
});
