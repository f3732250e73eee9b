import { GraphQLError } from 'graphql';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Page, PageRequest } from '../../roster/keyset-page.js';
import { INVALID_CURSOR_MESSAGE } from '../../errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

/** `first` / `after` of every connection field. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}; 0 for totalCount only).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the rows after this cursor.' })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/** Builds the Relay connection type `<Name>Connection` (with `<Name>Edge`) over a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque position of this row; pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} rows (Relay connection).` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType], { description: 'The rows of this page, in order.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether more rows follow, and the cursor to fetch them.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Rows matching the filter, over all pages.' })
    totalCount!: number | Promise<number>;
  }
  return ConnectionType;
}

/** Cursors are opaque to clients: base64 of the row id. */
export function encodeCursor(id: number): string {
  return Buffer.from(String(id), 'utf8').toString('base64');
}

export function decodeCursor(cursor: string): number {
  const id = Number(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!Number.isSafeInteger(id) || id < 0 || encodeCursor(id) !== cursor) {
    throw new GraphQLError(INVALID_CURSOR_MESSAGE, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } });
  }
  return id;
}

/** Validates `first`/`after` and turns them into a service page request. */
export function toPageRequest(args: ConnectionArgs): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new GraphQLError(`first must be from 0 to ${MAX_PAGE_SIZE}, got ${first}`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
    });
  }
  return { first, afterId: args.after ? decodeCursor(args.after) : null };
}

export function toConnection<T extends { id: number }>(page: Page<T>): ConnectionShape<T> {
  const edges = page.nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  const total = page.totalCount;
  let counting: Promise<number> | null = null;
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    // A getter: the count query runs only when the query selects totalCount.
    get totalCount() {
      return typeof total === 'number' ? total : (counting ??= total());
    },
  };
}
