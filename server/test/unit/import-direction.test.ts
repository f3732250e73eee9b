import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

// Imports run one way (docs/ARCHITECTURE.md): a folder may import its own layer and the
// layers below it, never one above. Type-only imports are not counted (they are erased at
// build and make no load-time dependency: app-context.ts names the hooks' types, for one).
const LAYERS: string[][] = [
  ['config.ts', 'errors.ts', 'local-date.ts', 'repo-root.ts'],
  ['db', 'logger.ts'],
  ['events', 'pubsub.ts', 'app-context.ts'],
  ['auth', 'roster'],
  ['sync', 'demo'],
  ['notify', 'jobs', 'observability'],
  ['graphql'],
  ['http'],
  ['cli', 'fake-clever', 'fake-oneroster'],
];

/** The DataSource is built from every entity: db/entities.ts lists them, whatever folder holds them. */
const ALLOWED = (from: string, to: string) => from === 'db/entities.ts' && to.endsWith('.entity.ts');

const SRC = resolve(process.cwd(), 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The first path segment under src/ (a folder or a top-level file). */
const areaOf = (file: string) => file.split('/')[0];
const rankOf = (file: string) => {
  const rank = LAYERS.findIndex((layer) => layer.includes(areaOf(file)));
  if (rank < 0) throw new Error(`${file}: its folder is in no layer of import-direction.test.ts; add it there and to docs/ARCHITECTURE.md`);
  return rank;
};

interface Edge {
  from: string;
  to: string;
  dynamic: boolean;
}

/** Runtime imports of one file, to other files under src/ (static imports, re-exports, import()). */
function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: Array<{ spec: string; dynamic: boolean }> = [];
  const typeOnlyClause = (clause: ts.ImportClause | undefined) => {
    if (!clause) return false;
    if (clause.isTypeOnly) return true;
    const named = clause.namedBindings;
    return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !typeOnlyClause(node.importClause)) {
      found.push({ spec: node.moduleSpecifier.text, dynamic: false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : null;
      if (!named || named.length === 0 || !named.every((e) => e.isTypeOnly)) found.push({ spec: node.moduleSpecifier.text, dynamic: false });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ spec: node.arguments[0].text, dynamic: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const from = relative(SRC, file);
  return found
    .filter(({ spec }) => spec.startsWith('.'))
    .map(({ spec, dynamic }) => ({ from, to: relative(SRC, resolve(dirname(file), spec.replace(/\.js$/, '.ts'))), dynamic }))
    .filter(({ to }) => !to.startsWith('..'));
}

const FILES = sourceFiles(SRC);
const EDGES = FILES.flatMap(importsOf);

/** Strongly connected components of more than one file (Tarjan), each a cycle of imports. */
function cycles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const file of next.keys()) if (!index.has(file)) connect(file);
  return found;
}

describe('import direction', () => {
  it('reads the imports it checks', () => {
    expect(EDGES.length).toBeGreaterThan(300);
    expect(EDGES).toContainEqual({ from: 'cli/main.ts', to: 'cli/command-list.ts', dynamic: false });
  });

  it('imports only from the same layer or the ones below: config → db → events → auth/roster → sync → jobs/notify → graphql → http → cli', () => {
    const upward = EDGES.filter((e) => !ALLOWED(e.from, e.to) && rankOf(e.to) > rankOf(e.from)).map(
      (e) => `${e.from} → ${e.to}${e.dynamic ? ' (import())' : ''}`,
    );
    expect(upward).toEqual([]);
  });

  it('keeps the Agenda SQL backend generic: jobs/backend/ imports only itself and db/', () => {
    const out = EDGES.filter((e) => e.from.startsWith('jobs/backend/') && !e.to.startsWith('jobs/backend/') && areaOf(e.to) !== 'db');
    expect(out.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('has no import cycles between files (import() included)', () => {
    expect(cycles(EDGES)).toEqual([]);
  });

  it('catches an upward import and a cycle (the checks can fail)', () => {
    const bad: Edge[] = [
      { from: 'sync/x.ts', to: 'jobs/y.ts', dynamic: false },
      { from: 'jobs/y.ts', to: 'sync/x.ts', dynamic: false },
    ];
    expect(bad.filter((e) => rankOf(e.to) > rankOf(e.from))).toHaveLength(1);
    expect(cycles(bad)).toEqual([['jobs/y.ts', 'sync/x.ts']]);
  });
});
