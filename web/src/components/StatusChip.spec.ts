import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import StatusChip from './StatusChip.vue';

describe('StatusChip', () => {
  it.each([
    ['SCHEDULED', 'Scheduled'],
    ['IN_PROGRESS', 'In Progress'],
    ['LAUNCHED', 'Launched'],
    ['FAILED', 'Failed'],
    ['CANCELLED', 'Cancelled'],
  ] as const)('shows %s as "%s"', (status, label) => {
    const w = mount(StatusChip, { props: { status } });
    expect(w.text()).toBe(label);
    expect(w.find('[data-status]').attributes('data-status')).toBe(status);
    expect(w.find('.pulse').exists()).toBe(status === 'IN_PROGRESS');
  });

  it('marks a dry run as a preview', () => {
    expect(mount(StatusChip, { props: { status: 'LAUNCHED', dryRun: true } }).text()).toBe('Launched (preview)');
  });
});
