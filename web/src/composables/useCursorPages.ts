import { computed, ref, watch, type Ref } from 'vue';

/**
 * Previous/next paging over a Relay connection: the cursors of the pages seen so far, so
 * "Previous" needs no backward cursor. Resets to the first page when `resetOn` changes.
 */
export function useCursorPages(pageSize: number, resetOn: Ref<unknown>) {
  const cursors = ref<Array<string | null>>([null]);
  const index = ref(0);
  watch(
    resetOn,
    () => {
      cursors.value = [null];
      index.value = 0;
    },
    { deep: true },
  );
  const after = computed(() => cursors.value[index.value] ?? null);
  return {
    after,
    first: pageSize,
    /** 1-based position of the page's first row. */
    from: computed(() => index.value * pageSize + 1),
    hasPrevious: computed(() => index.value > 0),
    next(endCursor: string | null | undefined) {
      if (!endCursor) return;
      cursors.value = [...cursors.value.slice(0, index.value + 1), endCursor];
      index.value += 1;
    },
    previous() {
      if (index.value > 0) index.value -= 1;
    },
  };
}
