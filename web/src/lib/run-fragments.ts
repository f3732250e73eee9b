import { graphql } from '../gql';

export const RunRowFragmentDoc = graphql(`
  fragment RunRow on SyncRun {
    id status mode dryRun trigger requestedBy createdAt startedAt finishedAt error
    district { id name timezone }
    counts { entity created updated deleted restored unchanged }
    issueCounts { code count }
  }
`);
