import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import RunProgress from './RunProgress.vue';

const progress = [
  { entity: 'enrollments', processed: 0, total: 3000 },
  { entity: 'people', processed: 150, total: 200 },
  { entity: 'schools', processed: 2, total: 2 },
];

describe('RunProgress', () => {
  it('marks finished phases, the current one, and orders entity bars as the sync does', () => {
    const w = mount(RunProgress, { props: { phase: 'APPLYING', percent: 72.4, etaSeconds: 95, progress } });
    const phases = w.findAll('.phases li');
    expect(phases.map((p) => p.classes().includes('is-done'))).toEqual([true, true, false, false]);
    expect(w.find('.phases li.is-current').attributes('aria-current')).toBe('step');
    expect(w.findAll('tr[data-entity]').map((r) => r.attributes('data-entity'))).toEqual(['schools', 'people', 'enrollments']);
    expect(w.find('tr[data-entity=people] .num').text()).toBe('150 / 200');
    expect(w.find('[data-test=eta]').text()).toBe('about 1 min 35 s left');
    expect(w.find('[aria-label="People 75%"]').exists()).toBe(true);
  });

  it('says it is waiting while the run is only scheduled', () => {
    const w = mount(RunProgress, { props: { phase: null, percent: 0, etaSeconds: null, progress: [], scheduled: true } });
    expect(w.text()).toContain('Waiting for a worker to pick the run up');
    expect(w.find('.phases').exists()).toBe(false);
  });
});
