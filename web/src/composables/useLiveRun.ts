import { useQuery, useSubscription } from '@urql/vue';
import { computed, watch, type Ref } from 'vue';
import { graphql } from '../gql';
import type { SyncStatus } from '../gql/graphql';
import { isActiveStatus } from '../lib/format';

export const RunDetailsQuery = graphql(`
  query RunDetails($id: ID!) {
    syncRun(id: $id) {
      id
      districtId
      mode
      dryRun
      trigger
      requestedBy
      status
      phase
      asOf
      overrideThreshold
      revertOfRunId
      cancelRequested
      startedAt
      finishedAt
      error
      failureCode
      createdAt
      percent
      etaSeconds
      district { id name timezone resetDeleteThreshold }
      counts { entity created updated deleted restored ended unchanged }
      issueCounts { code count }
    }
  }
`);

const RunUpdatesSubscription = graphql(`
  subscription RunUpdates($runId: ID!) {
    syncRunUpdated(runId: $runId) {
      runId
      status
      phase
      percent
      etaSeconds
      progress { entity processed total }
    }
  }
`);

/**
 * A run kept live: the query gives the full run, the subscription pushes status, phase,
 * percent, ETA and per-entity progress; when the run ends the query is fetched again so the
 * report (counts, issues) appears without a reload.
 */
export function useLiveRun(runId: Ref<string>) {
  const query = useQuery({ query: RunDetailsQuery, variables: computed(() => ({ id: runId.value })), requestPolicy: 'network-only' });
  const run = computed(() => query.data.value?.syncRun);
  const subscribed = computed(() => !run.value || isActiveStatus(run.value.status));
  const sub = useSubscription({ query: RunUpdatesSubscription, variables: computed(() => ({ runId: runId.value })), pause: computed(() => !subscribed.value) });
  const update = computed(() => {
    const u = sub.data.value?.syncRunUpdated;
    return u && u.runId === runId.value ? u : undefined;
  });

  const status = computed<SyncStatus | undefined>(() => {
    const fromRun = run.value?.status;
    if (fromRun && !isActiveStatus(fromRun)) return fromRun;
    return update.value?.status ?? fromRun;
  });
  const live = computed(() => ({
    status: status.value,
    phase: update.value?.phase ?? run.value?.phase ?? null,
    percent: update.value?.percent ?? run.value?.percent ?? 0,
    etaSeconds: update.value?.etaSeconds ?? run.value?.etaSeconds ?? null,
    progress: update.value?.progress ?? [],
  }));

  // The run ended while we watched: fetch the report.
  watch(
    () => update.value?.status,
    (s, before) => {
      if (s && !isActiveStatus(s) && s !== before) query.executeQuery({ requestPolicy: 'network-only' });
    },
  );

  return {
    run,
    live,
    fetching: query.fetching,
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
    subscriptionError: sub.error,
  };
}
