import { onBeforeUnmount, ref } from 'vue';

/** The current time, ticking every `ms`, so relative times ("22 seconds ago") stay true. */
export function useNow(ms = 1000) {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), ms);
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
