import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import CountsTable from './CountsTable.vue';

const counts = [
  { entity: 'people', created: 1200, updated: 3, deleted: 2, restored: 0, unchanged: 40 },
  { entity: 'schools', created: 2, updated: 0, deleted: 0, restored: 1, unchanged: 0 },
];

describe('CountsTable', () => {
  it('shows counts per entity and action with a total row, deletions flagged', () => {
    const w = mount(CountsTable, { props: { counts } });
    const cell = (key: string) => w.find(`[data-cell="${key}"]`);
    expect(cell('people.created').text()).toBe('1,200');
    expect(cell('people.deleted').classes()).toContain('num--danger');
    expect(cell('schools.deleted').classes()).not.toContain('num--danger');
    const total = w.findAll('[data-cell$=".created"]').at(-1)!;
    expect(total.text()).toBe('1,202');
    expect(w.text()).toContain('Total');
  });

  it('repeats the counts as one card per entity for phones', () => {
    const w = mount(CountsTable, { props: { counts } });
    const card = (key: string) => w.find(`[data-card-cell="${key}"]`);
    expect(card('people.created').text()).toBe('1,200');
    expect(card('people.deleted').classes()).toContain('num--danger');
    expect(w.findAll('[data-test=counts-cards] > li').map((li) => li.find('strong').text())).toEqual(['Schools', 'People', 'Total']);
  });
});
