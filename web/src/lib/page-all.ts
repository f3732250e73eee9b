/** One page of a Relay connection, as the dashboard's queries return it. */
export interface ConnectionPage<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: ReadonlyArray<{ node: T }>;
}

/**
 * Every node of a connection, fetched `pageSize` at a time (exports must hold everything,
 * never only the first page). `onProgress` reports how many were fetched so far.
 */
export async function fetchAllPages<T>(
  fetchPage: (after: string | null, first: number) => Promise<ConnectionPage<T> | null | undefined>,
  pageSize = 500,
  onProgress?: (fetched: number, total: number) => void,
): Promise<T[]> {
  const all: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetchPage(after, pageSize);
    if (!page) break;
    all.push(...page.edges.map((e) => e.node));
    onProgress?.(all.length, page.totalCount);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return all;
}
