import { AnnouncedYear } from './announced';
import { Y2015, Y2016, Y2017, Y2018 } from './announced/y2015-2018';
import { Y2019, Y2020, Y2021, Y2022 } from './announced/y2019-2022';
import { Y2023, Y2024, Y2025, Y2026 } from './announced/y2023-2026';

/**
 * The yearly notices shipped with the engine. Years not listed (and occasions a listed year does
 * not name) use the computed holidays. The app may add or replace years from a JSON file.
 */
export const SHIPPED_ANNOUNCED_YEARS: ReadonlyArray<AnnouncedYear> = [
  Y2015,
  Y2016,
  Y2017,
  Y2018,
  Y2019,
  Y2020,
  Y2021,
  Y2022,
  Y2023,
  Y2024,
  Y2025,
  Y2026,
];
