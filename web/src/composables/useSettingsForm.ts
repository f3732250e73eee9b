import { useMutation } from '@urql/vue';
import { useMessage } from 'naive-ui';
import { computed, ref, watch, type Ref } from 'vue';
import { graphql } from '../gql';
import type { DistrictSyncSettingsInput } from '../gql/graphql';
import { errorMessage } from '../lib/format';

const SaveSettings = graphql(`
  mutation SaveDistrictSettings($districtId: ID!, $input: DistrictSyncSettingsInput!) {
    updateDistrictSyncSettings(districtId: $districtId, input: $input) {
      id schedule timezone syncEnabled syncExpiresAt syncAsOf schoolSelection notifyEmails notifyProblemsOnly resetDeleteThreshold
    }
  }
`);

/** A plain deep copy (Vue proxies cannot be structured-cloned). */
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * One settings tab's form: `draft` starts from (and resets to) what `load` reads from the
 * saved district; `dirty` says whether it differs; `save` sends `toInput(draft)`.
 */
export function useSettingsForm<T>(districtId: Ref<string>, saved: Ref<T | undefined>, toInput: (draft: T) => DistrictSyncSettingsInput, what: string) {
  const draft = ref(clone(saved.value)) as Ref<T | undefined>;
  watch(saved, (v) => (draft.value = v === undefined ? undefined : clone(v)), { deep: true });
  const dirty = computed(() => JSON.stringify(draft.value) !== JSON.stringify(saved.value));
  const mutation = useMutation(SaveSettings);
  const message = useMessage();
  async function save(): Promise<boolean> {
    if (draft.value === undefined) return false;
    const r = await mutation.executeMutation({ districtId: districtId.value, input: toInput(draft.value) });
    if (r.error) {
      message.error(errorMessage(r.error));
      return false;
    }
    message.success(`${what} saved.`);
    return true;
  }
  const reset = () => (draft.value = saved.value === undefined ? undefined : clone(saved.value));
  return { draft, dirty, save, reset, saving: mutation.fetching };
}
