import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { clientRef, resetClient, setUnauthenticatedHandler } from './client-store';
import { forgetViewer } from './composables/useViewer';
import { installA11yPatches } from './lib/a11y-patches';
import { router } from './router';
import './styles.css';

resetClient();
setUnauthenticatedHandler(() => {
  // The session expired or was revoked: back to sign-in, then where the admin was.
  if (router.currentRoute.value.name === 'login') return;
  forgetViewer();
  resetClient();
  void router.replace({ name: 'login', query: { redirect: router.currentRoute.value.fullPath } });
});

createApp(App).use(urql, clientRef).use(router).mount('#app');
installA11yPatches();
