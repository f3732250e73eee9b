import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination/connection.js';

export interface QueryLimits {
  /** Deepest field nesting allowed (`{ a { b } }` is 2). */
  maxDepth: number;
  /**
   * Most fields a query may ask for, estimated: every field costs 1, and what is under a
   * field with a `first` argument counts `first` times (default page size when omitted).
   */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 50_000 };

function firstArg(args: readonly { name: { value: string }; value: ValueNode }[] | undefined, variables: Record<string, unknown>): number | null {
  const arg = args?.find((a) => a.name.value === 'first');
  if (!arg) return null;
  if (arg.value.kind === Kind.INT) return Number(arg.value.value);
  if (arg.value.kind === Kind.VARIABLE) {
    const v = variables[arg.value.name.value];
    return typeof v === 'number' ? v : DEFAULT_PAGE_SIZE;
  }
  return DEFAULT_PAGE_SIZE;
}

/** Depth and estimated cost of one operation of a document (fragments inlined). */
export function measureQuery(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> = {}): { depth: number; cost: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const op = operations.find((o) => !operationName || o.name?.value === operationName) ?? operations[0];
  if (!op) return { depth: 0, cost: 0 };

  const walk = (set: SelectionSetNode, seen: Set<string>): { depth: number; cost: number } => {
    let depth = 0;
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (!sel.selectionSet) {
          cost += 1;
          depth = Math.max(depth, 1);
          continue;
        }
        const child = walk(sel.selectionSet, seen);
        const page = firstArg(sel.arguments, variables);
        // A connection's page multiplies what is fetched per row; `first: 0` still counts itself.
        // Out-of-range page sizes are refused by the resolver with their own error.
        cost += 1 + child.cost * (page == null ? 1 : Math.min(Math.max(page, 1), MAX_PAGE_SIZE));
        depth = Math.max(depth, 1 + child.depth);
      } else {
        const inner = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : fragments.get(sel.name.value)?.selectionSet;
        const key = sel.kind === Kind.FRAGMENT_SPREAD ? sel.name.value : null;
        if (!inner || (key && seen.has(key))) continue;
        const child = walk(inner, key ? new Set([...seen, key]) : seen);
        cost += child.cost;
        depth = Math.max(depth, child.depth);
      }
    }
    return { depth, cost };
  };
  return walk(op.selectionSet, new Set());
}

/** Throws a GraphQLError (HTTP 400) naming the limit a query breaks. */
export function assertWithinLimits(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined, limits: QueryLimits): void {
  const { depth, cost } = measureQuery(document, operationName, variables ?? {});
  if (depth > limits.maxDepth) {
    throw new GraphQLError(`Query is too deep: ${depth} levels, the limit is ${limits.maxDepth}. Split it into several queries.`, {
      extensions: { code: 'QUERY_TOO_DEEP', depth, maxDepth: limits.maxDepth, http: { status: 400 } },
    });
  }
  if (cost > limits.maxCost) {
    throw new GraphQLError(`Query is too costly: about ${cost} fields, the limit is ${limits.maxCost}. Ask for smaller pages (first) or fewer nested fields.`, {
      extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost: limits.maxCost, http: { status: 400 } },
    });
  }
}
