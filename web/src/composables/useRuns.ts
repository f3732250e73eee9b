import { useQuery } from '@urql/vue';
import { computed, ref, type Ref } from 'vue';
import type { RunFilterValue } from '../components/RunFilters.vue';
import { graphql } from '../gql';
import { isActiveStatus } from '../lib/format';

const RunsQuery = graphql(`
  query Runs($districtId: ID, $status: [SyncStatus!], $trigger: [SyncTrigger!], $from: DateTimeISO, $to: DateTimeISO, $first: Int) {
    syncRuns(districtId: $districtId, status: $status, trigger: $trigger, from: $from, to: $to, first: $first) {
      totalCount
      pageInfo { hasNextPage }
      edges { node { ...RunRow } }
    }
  }
`);

/** Runs matching the filters (newest first), refreshed every few seconds while one is active. */
export function useRuns(filters: Ref<RunFilterValue>, districtId?: Ref<string | null | undefined>) {
  const first = ref(100);
  const variables = computed(() => {
    const f = filters.value;
    return {
      districtId: districtId?.value ?? f.districtId ?? null,
      status: f.status.length ? f.status : null,
      trigger: f.trigger.length ? f.trigger : null,
      from: f.range ? new Date(f.range[0]).toISOString() : null,
      to: f.range ? new Date(f.range[1] + 86400000).toISOString() : null,
      first: first.value,
    };
  });
  const q = useQuery({ query: RunsQuery, variables });
  const runs = computed(() => q.data.value?.syncRuns.edges.map((e) => e.node) ?? []);
  const timer = setInterval(() => {
    if (runs.value.some((r) => isActiveStatus(r.status))) q.executeQuery({ requestPolicy: 'network-only' });
  }, 3000);
  return { ...q, runs, first, total: computed(() => q.data.value?.syncRuns.totalCount ?? 0), stop: () => clearInterval(timer) };
}
