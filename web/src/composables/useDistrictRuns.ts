import { useSubscription } from '@urql/vue';
import { computed, inject, provide, ref, watch, type InjectionKey, type Ref } from 'vue';
import { graphql } from '../gql';

const DistrictRunsSubscription = graphql(`
  subscription DistrictRunUpdates($districtId: ID!) {
    syncRunUpdated(districtId: $districtId) { runId districtId status phase percent etaSeconds }
  }
`);

/**
 * Follows every run of one district (one subscription) and counts status changes: pages
 * watch `changes` and refetch, so a run started, progressing or ending elsewhere shows within a second.
 */
export function useDistrictRuns(districtId: Ref<string>) {
  const sub = useSubscription({ query: DistrictRunsSubscription, variables: computed(() => ({ districtId: districtId.value })) });
  const changes = ref(0);
  const seen = new Map<string, string>();
  const latest = computed(() => sub.data.value?.syncRunUpdated);
  watch(latest, (u) => {
    if (!u || seen.get(u.runId) === u.status) return;
    seen.set(u.runId, u.status);
    changes.value += 1;
  });
  return { latest, changes };
}

type DistrictRuns = ReturnType<typeof useDistrictRuns>;
const KEY: InjectionKey<DistrictRuns> = Symbol('district-runs');

export function provideDistrictRuns(districtId: Ref<string>): DistrictRuns {
  const runs = useDistrictRuns(districtId);
  provide(KEY, runs);
  return runs;
}

/** The district layout's live run events; refetch `refetch` whenever a run of the district changes status. */
export function onDistrictRunChange(refetch: () => void): DistrictRuns | undefined {
  const runs = inject(KEY, undefined);
  if (runs) watch(runs.changes, () => refetch());
  return runs;
}
