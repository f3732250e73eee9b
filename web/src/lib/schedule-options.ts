export const SCHEDULE_PRESETS = [
  { label: 'Nightly at 2:00 AM', value: '0 2 * * *' },
  { label: 'Nightly at 11:00 PM', value: '0 23 * * *' },
  { label: 'Weekdays at 2:00 AM', value: '0 2 * * 1-5' },
  { label: 'Every 4 hours', value: '0 */4 * * *' },
  { label: 'Every 6 hours', value: '0 */6 * * *' },
  { label: 'Custom (cron)…', value: 'custom' },
];

const zones: string[] =
  typeof Intl.supportedValuesOf === 'function'
    ? Intl.supportedValuesOf('timeZone')
    : ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'UTC'];
export const TIMEZONES = zones.map((z) => ({ label: z.replace(/_/g, ' '), value: z }));
