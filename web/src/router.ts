import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { clientRef } from './client-store';
import { loadViewer } from './composables/useViewer';

const districtChildren: RouteRecordRaw[] = [
  { path: '', name: 'district', component: () => import('./pages/district/DistrictOverviewPage.vue'), props: true, meta: { title: 'Overview' } },
  {
    path: 'sync',
    name: 'district-sync',
    component: () => import('./pages/district/StartSyncPage.vue'),
    props: true,
    meta: { title: 'Start sync', write: true },
  },
  { path: 'history', name: 'district-history', component: () => import('./pages/district/HistoryPage.vue'), props: true, meta: { title: 'History' } },
  { path: 'roster', name: 'district-roster', component: () => import('./pages/district/RosterPage.vue'), props: true, meta: { title: 'Roster' } },
  {
    path: 'people/:personId',
    name: 'district-person',
    component: () => import('./pages/district/PersonPage.vue'),
    props: true,
    meta: { title: 'Person', tab: 'district-roster' },
  },
  {
    path: 'troubleshoot',
    name: 'district-troubleshoot',
    component: () => import('./pages/district/TroubleshootPage.vue'),
    props: true,
    meta: { title: 'Troubleshoot' },
  },
  {
    path: 'runs/:runId',
    name: 'district-run',
    component: () => import('./pages/RunPage.vue'),
    props: true,
    meta: { title: 'Sync run', tab: 'district-history' },
  },
  {
    path: 'rollover',
    name: 'district-rollover',
    component: () => import('./pages/district/RolloverPage.vue'),
    props: true,
    meta: { title: 'New school year', write: true, tab: 'district' },
  },
  { path: 'settings', name: 'district-settings', component: () => import('./pages/district/SettingsPage.vue'), props: true, meta: { title: 'Settings' } },
];

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true, title: 'Sign in' } },
  {
    path: '/',
    component: () => import('./layouts/AppLayout.vue'),
    children: [
      { path: '', name: 'districts', component: () => import('./pages/DistrictsPage.vue'), meta: { title: 'Districts' } },
      { path: 'runs', name: 'runs', component: () => import('./pages/RunsPage.vue'), meta: { title: 'Sync runs' } },
      { path: 'runs/:runId', name: 'run', component: () => import('./pages/RunPage.vue'), props: true, meta: { title: 'Sync run' } },
      { path: 'districts/new', name: 'new-district', component: () => import('./pages/NewDistrictPage.vue'), meta: { title: 'New district' } },
      {
        path: 'districts/:districtId',
        component: () => import('./pages/district/DistrictLayout.vue'),
        props: true,
        children: districtChildren,
      },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: 'Not found' } },
    ],
  },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const viewer = await loadViewer(clientRef.value);
  if (!viewer) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  return true;
});

router.afterEach((to) => {
  const title = to.meta.title as string | undefined;
  document.title = title ? `${title} · Homeroom` : 'Homeroom';
});
