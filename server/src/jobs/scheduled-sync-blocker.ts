import type { District } from '../roster/district.entity.js';
import { localDate } from '../local-date.js';

/**
 * Why a district's scheduled sync must not run now, or null when it may. Sync runs through
 * its expiration date (in the district's timezone) and stops the day after.
 */
export function scheduledSyncBlocker(district: Pick<District, 'syncEnabled' | 'syncExpiresAt' | 'timezone'>, now = new Date()): string | null {
  if (!district.syncEnabled) return 'sync is paused for this district (syncEnabled = false)';
  if (district.syncExpiresAt && localDate(district.timezone, now) > district.syncExpiresAt) {
    return `sync expired on ${district.syncExpiresAt}`;
  }
  return null;
}
