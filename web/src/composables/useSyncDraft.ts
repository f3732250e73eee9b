import { useMutation } from '@urql/vue';
import { useMessage } from 'naive-ui';
import { computed, ref, watch, type Ref } from 'vue';
import { useRouter } from 'vue-router';
import { graphql } from '../gql';
import type { SyncMode } from '../gql/graphql';
import { errorMessage, formatNumber } from '../lib/format';
import type { DistrictHeader } from './useDistrict';

const SaveSchools = graphql(`
  mutation SaveSchoolSelection($districtId: ID!, $input: DistrictSyncSettingsInput!) {
    updateDistrictSyncSettings(districtId: $districtId, input: $input) { id schoolSelection }
  }
`);
const StartSync = graphql(`
  mutation StartSync($input: StartSyncInput!) {
    startSync(input: $input) { alreadyRunning run { id status mode dryRun } }
  }
`);

/** The Reset preview the wizard is confirming from (ready once the dry run has finished). */
export interface WizardPreview {
  runId: string;
  ready: boolean;
  thresholdExceeded: boolean;
  deletes: number;
}

/**
 * The Start-sync wizard's draft: schools (saved to the district only when a sync or preview
 * starts), as-of date, mode, and for a Reset its preview and confirmation. One instance is
 * shared by the wizard's step components.
 */
export function useSyncDraft(districtId: Ref<string>, district: Ref<DistrictHeader | undefined>) {
  const router = useRouter();
  const message = useMessage();
  const save = useMutation(SaveSchools);
  const start = useMutation(StartSync);

  const saved = computed(() => (district.value?.schoolSelection?.length ? district.value.schoolSelection : null));
  const selection = ref<string[] | null>(null);
  watch(saved, (s) => (selection.value = s ? [...s] : null), { immediate: true });
  const schoolsChanged = computed(() => JSON.stringify(selection.value ?? []) !== JSON.stringify(saved.value ?? []));
  const asOf = ref<string | null>(null);

  const mode = ref<SyncMode>('EDIT');
  const preview = ref<WizardPreview | null>(null);
  const typedName = ref('');
  const override = ref(false);
  // A new mode starts its confirmation from scratch.
  watch(mode, () => {
    preview.value = null;
    typedName.value = '';
    override.value = false;
  });

  /** Saves a changed school selection first: the preview and the sync must see the same schools. */
  async function saveSchools(): Promise<boolean> {
    if (!schoolsChanged.value) return true;
    const r = await save.executeMutation({ districtId: districtId.value, input: { schoolSelection: selection.value ?? [] } });
    if (r.error) message.error(errorMessage(r.error));
    return !r.error;
  }

  async function startPreview() {
    if (!(await saveSchools())) return;
    const r = await start.executeMutation({ input: { districtId: districtId.value, mode: 'RESET', dryRun: true, asOf: asOf.value } });
    if (r.error) return void message.error(errorMessage(r.error));
    if (r.data!.startSync.alreadyRunning) return void message.warning('Another sync of this district is running. Wait for it to finish, then preview again.');
    preview.value = { runId: r.data!.startSync.run.id, ready: false, thresholdExceeded: false, deletes: 0 };
  }

  function previewReady(e: { thresholdExceeded: boolean; deletes: number }) {
    if (preview.value) preview.value = { ...preview.value, ready: true, ...e };
  }

  const nameMatches = computed(() => !!district.value && typedName.value.trim() === district.value.name.trim());
  const blocked = computed(() => {
    if (mode.value === 'EDIT') return null;
    if (!preview.value?.ready) return 'Preview the Reset first.';
    if (preview.value.deletes > 0 && !nameMatches.value) return 'Type the district name to confirm.';
    if (preview.value.thresholdExceeded && !override.value) return 'Tick the override to delete beyond the safety threshold.';
    return null;
  });
  const startLabel = computed(() => {
    if (mode.value === 'EDIT') return 'Start Edit sync';
    const n = preview.value?.ready ? preview.value.deletes : null;
    return n == null ? 'Start Reset' : n === 0 ? 'Start Reset (deletes nothing)' : `Reset: delete ${formatNumber(n)} record${n === 1 ? '' : 's'}`;
  });

  async function startSync() {
    if (blocked.value || !(await saveSchools())) return;
    const reset = mode.value === 'RESET';
    const r = await start.executeMutation({
      input: {
        districtId: districtId.value,
        mode: mode.value,
        asOf: asOf.value,
        ...(reset
          ? {
              previewRunId: preview.value!.runId,
              confirmation: preview.value!.deletes > 0 ? typedName.value : null,
              overrideThreshold: preview.value!.thresholdExceeded && override.value,
            }
          : {}),
      },
    });
    if (r.error) return void message.error(errorMessage(r.error));
    const { run, alreadyRunning } = r.data!.startSync;
    if (alreadyRunning) message.warning('A sync of this district is already running; showing it.');
    await router.push({ name: 'district-run', params: { districtId: districtId.value, runId: run.id } });
  }

  return {
    saved,
    selection,
    asOf,
    mode,
    preview,
    typedName,
    override,
    blocked,
    startLabel,
    starting: start.fetching,
    startPreview,
    previewReady,
    startSync,
  };
}

export type SyncDraft = ReturnType<typeof useSyncDraft>;
