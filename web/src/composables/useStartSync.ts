import { useMutation } from '@urql/vue';
import { useMessage } from 'naive-ui';
import { useRouter } from 'vue-router';
import { graphql } from '../gql';
import type { StartSyncInput } from '../gql/graphql';
import { errorMessage } from '../lib/format';

const StartSync = graphql(`
  mutation StartSyncAndOpen($input: StartSyncInput!) {
    startSync(input: $input) { alreadyRunning run { id status } }
  }
`);

/** Starts a sync and opens its run page (or the run already in progress); errors become a message. */
export function useStartSync() {
  const mutation = useMutation(StartSync);
  const message = useMessage();
  const router = useRouter();
  async function start(input: StartSyncInput): Promise<void> {
    const r = await mutation.executeMutation({ input });
    if (r.error) return void message.error(errorMessage(r.error));
    const { run, alreadyRunning } = r.data!.startSync;
    if (alreadyRunning) message.warning('A sync of this district is already running; showing it.');
    await router.push({ name: 'district-run', params: { districtId: input.districtId, runId: run.id } });
  }
  return { start, fetching: mutation.fetching };
}
