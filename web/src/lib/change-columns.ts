import { NTag, type DataTableColumns } from 'naive-ui';
import { h } from 'vue';
import type { ChangeAction } from '../gql/graphql';
import { changeName, type ChangeRow } from './changes-csv';
import { entityLabel } from './format';

export const ACTION_LABELS: Record<ChangeAction, { label: string; type: 'default' | 'success' | 'info' | 'error' | 'warning' }> = {
  CREATE: { label: 'Create', type: 'success' },
  UPDATE: { label: 'Update', type: 'info' },
  DELETE: { label: 'Delete', type: 'error' },
  RESTORE: { label: 'Restore', type: 'warning' },
  // Still sent by the source but not active on the sync date (last year's sections): ended, not deleted.
  END: { label: 'End', type: 'default' },
};

type Row = ChangeRow & { action: ChangeAction };

/** Fields of a created or deleted record, shown as its identity (name and key fields). */
function summary(c: Row): string {
  const side = c.action === 'DELETE' || c.action === 'END' ? 'before' : 'after';
  return c.fields
    .filter((f) => !['name', 'givenName', 'familyName'].includes(f.field) && f[side] != null)
    .slice(0, 4)
    .map((f) => `${f.field}: ${f[side]}`)
    .join(' · ');
}

/** Columns of a run's change log (and a dry run's plan). */
export function changeColumns<T extends Row>(): DataTableColumns<T> {
  return [
    {
      title: 'Action',
      key: 'action',
      width: 96,
      render: (c) => h(NTag, { size: 'small', bordered: false, type: ACTION_LABELS[c.action].type }, () => ACTION_LABELS[c.action].label),
    },
    { title: 'Type', key: 'entityType', width: 110, render: (c) => entityLabel(c.entityType) },
    { title: 'Record', key: 'sourceId', width: 200, render: (c) => h('div', [h('div', changeName(c)), h('code', c.sourceId ?? '')]) },
    {
      title: 'Fields (before → after)',
      key: 'fields',
      render: (c) =>
        c.action === 'UPDATE' || c.action === 'RESTORE'
          ? h(
              'ul',
              { class: 'field-changes' },
              c.fields.map((f) => h('li', [h('span', { class: 'field-name' }, f.field), ' ', h('del', f.before ?? '∅'), ' → ', h('ins', f.after ?? '∅')])),
            )
          : h('span', { class: 'muted' }, summary(c)),
    },
  ];
}
