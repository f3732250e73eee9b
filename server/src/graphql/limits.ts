import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination/connection.js';

export interface QueryLimits {
  /** Deepest field nesting allowed (`{ a { b } }` is 2). */
  maxDepth: number;
  /**
   * Most fields a query may ask for, estimated: every field costs 1, and what is under a
   * list counts as many times as the list can hold (see LIST_SIZE_ESTIMATE and `first`).
   */
  maxCost: number;
  /** Most aliased fields in one operation (each alias of a list is another database query). */
  maxAliases: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 50_000, maxAliases: 100 };

/**
 * What a plain list (one without `first`, e.g. a section's students or the districts) is
 * assumed to hold: they are not paged, so a query under them is multiplied by this.
 */
export const LIST_SIZE_ESTIMATE = 20;

/** Lists whose length is bounded by the schema (one row per entity type, issue code, field): they count 10. */
const BOUNDED_LIST_TYPES = new Set(['EntityCount', 'IssueCount', 'EntityProgress', 'EntityTotal', 'FieldChange', 'FieldMapping']);
const BOUNDED_LIST_SIZE = 10;

export interface QueryMeasure {
  depth: number;
  cost: number;
  aliases: number;
}

/** The operation the request runs: the named one, or the only one. */
function pickOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
}

/** The request's variables with the operation's defaults filled in (what execution will see). */
function resolvedVariables(op: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  const resolved: Record<string, unknown> = { ...variables };
  for (const def of op.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (resolved[name] === undefined && def.defaultValue) resolved[name] = valueFromASTUntyped(def.defaultValue);
  }
  return resolved;
}

function rootType(schema: GraphQLSchema, op: OperationDefinitionNode): GraphQLNamedType | null | undefined {
  if (op.operation === 'mutation') return schema.getMutationType();
  if (op.operation === 'subscription') return schema.getSubscriptionType();
  return schema.getQueryType();
}

/**
 * Depth, estimated cost and alias count of the operation a request runs, with its
 * variables resolved (defaults included) and fragments inlined. A connection field
 * multiplies what is under it by its page size (`first`, the default page when omitted,
 * at most MAX_PAGE_SIZE, at least 1 so that `first: 0` still counts its own query); a
 * plain list multiplies by LIST_SIZE_ESTIMATE; a connection's `edges` list is already
 * counted by its `first`.
 */
export function measureQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> = {},
): QueryMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const op = pickOperation(document, operationName);
  if (!op) return { depth: 0, cost: 0, aliases: 0 };
  const vars = resolvedVariables(op, variables);
  let aliases = 0;

  const pageOf = (
    field: GraphQLField<unknown, unknown> | undefined,
    args: readonly { name: { value: string }; value: import('graphql').ValueNode }[] | undefined,
  ): number | null => {
    if (!field?.args.some((a) => a.name === 'first')) return null;
    const arg = args?.find((a) => a.name.value === 'first');
    const raw = arg ? valueFromASTUntyped(arg.value, vars) : undefined;
    const first = typeof raw === 'number' && Number.isFinite(raw) ? raw : DEFAULT_PAGE_SIZE;
    // Out-of-range page sizes are refused by the resolver with their own error.
    return Math.min(Math.max(first, 1), MAX_PAGE_SIZE);
  };

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | null | undefined, seen: Set<string>): { depth: number; cost: number } => {
    let depth = 0;
    let cost = 0;
    const fieldsOf = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields() : {};
    for (const sel of set.selections) {
      // A selection skipped by @skip/@include (with the variables resolved) costs nothing.
      const skipped = sel.directives?.some((d) => {
        const arg = d.arguments?.find((a) => a.name.value === 'if');
        const value = arg ? valueFromASTUntyped(arg.value, vars) : undefined;
        return (d.name.value === 'skip' && value === true) || (d.name.value === 'include' && value === false);
      });
      if (skipped) continue;
      if (sel.kind === Kind.FIELD) {
        if (sel.alias && sel.alias.value !== sel.name.value) aliases++;
        const field = fieldsOf[sel.name.value] as GraphQLField<unknown, unknown> | undefined;
        if (!sel.selectionSet) {
          cost += 1;
          depth = Math.max(depth, 1);
          continue;
        }
        const child = walk(sel.selectionSet, field ? getNamedType(field.type) : null, seen);
        const page = pageOf(field, sel.arguments);
        const isList = field ? isListType(getNullableType(field.type)) : false;
        const listSize = field && BOUNDED_LIST_TYPES.has(getNamedType(field.type).name) ? BOUNDED_LIST_SIZE : LIST_SIZE_ESTIMATE;
        const times = page ?? (isList && sel.name.value !== 'edges' ? listSize : 1);
        cost += 1 + child.cost * times;
        depth = Math.max(depth, 1 + child.depth);
      } else {
        const inner = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : fragments.get(sel.name.value)?.selectionSet;
        const key = sel.kind === Kind.FRAGMENT_SPREAD ? sel.name.value : null;
        if (!inner || (key && seen.has(key))) continue;
        const typeName = sel.kind === Kind.INLINE_FRAGMENT ? sel.typeCondition?.name.value : fragments.get(sel.name.value)?.typeCondition.name.value;
        const child = walk(inner, (typeName && schema.getType(typeName)) || parent, key ? new Set([...seen, key]) : seen);
        cost += child.cost;
        depth = Math.max(depth, child.depth);
      }
    }
    return { depth, cost };
  };
  const { depth, cost } = walk(op.selectionSet, rootType(schema, op), new Set());
  return { depth, cost, aliases };
}

/** Throws a GraphQLError (HTTP 400) naming the limit a query breaks. */
export function assertWithinLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: QueryLimits,
): void {
  const { depth, cost, aliases } = measureQuery(schema, document, operationName, variables ?? {});
  if (depth > limits.maxDepth) {
    throw new GraphQLError(`Query is too deep: ${depth} levels, the limit is ${limits.maxDepth}. Split it into several queries.`, {
      extensions: { code: 'QUERY_TOO_DEEP', depth, maxDepth: limits.maxDepth, http: { status: 400 } },
    });
  }
  if (aliases > limits.maxAliases) {
    throw new GraphQLError(`Query has too many aliases: ${aliases}, the limit is ${limits.maxAliases}. Split it into several queries.`, {
      extensions: { code: 'QUERY_TOO_COSTLY', aliases, maxAliases: limits.maxAliases, http: { status: 400 } },
    });
  }
  if (cost > limits.maxCost) {
    throw new GraphQLError(`Query is too costly: about ${cost} fields, the limit is ${limits.maxCost}. Ask for smaller pages (first) or fewer nested fields.`, {
      extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost: limits.maxCost, http: { status: 400 } },
    });
  }
}
