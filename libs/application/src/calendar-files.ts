import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AnnouncedYear,
  createWorkingDayCalendar,
  parseAnnouncedYears,
  SHIPPED_ANNOUNCED_YEARS,
  WorkingDayCalendar,
} from '@thads/domain';

/**
 * The working-day calendar: the announced years shipped with the code, then every `*.json` file
 * in the calendar directory (THADS_CALENDAR_DIR, default ./data/calendar), read at start, so a new
 * year's notice (Tết days, swapped Saturdays) is added without a release. A later entry for the
 * same year replaces the shipped one. A malformed file stops the start with its problems listed.
 */
export const loadAnnouncedYears = (dir: string): AnnouncedYear[] => {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => parseAnnouncedYears(JSON.parse(readFileSync(join(dir, name), 'utf8'))));
};

export const loadCalendar = (dir: string): WorkingDayCalendar =>
  createWorkingDayCalendar([...SHIPPED_ANNOUNCED_YEARS, ...loadAnnouncedYears(dir)]);
