import { parseAnnouncedYears } from './announced';
import { SHIPPED_ANNOUNCED_YEARS } from './announced-years';
import { computedHolidays } from './holidays';
import { isWeekend } from './local-date';
import { tetDate } from './lunar';

const daysOf = (year: number, occasion: string, kind: string) =>
  SHIPPED_ANNOUNCED_YEARS.find((y) => y.year === year)!.days.filter((d) => d.occasion === occasion && d.kind === kind);

const occasionsOf = (year: (typeof SHIPPED_ANNOUNCED_YEARS)[number]) => [...new Set(year.days.map((d) => d.occasion))];

describe('the shipped yearly notices', () => {
  it('cover every year from 2015 to 2026', () => {
    expect(SHIPPED_ANNOUNCED_YEARS.map((y) => y.year)).toEqual([
      2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
  });

  it('are valid as the JSON an extra-years file holds', () => {
    expect(parseAnnouncedYears(JSON.parse(JSON.stringify(SHIPPED_ANNOUNCED_YEARS)))).toHaveLength(
      SHIPPED_ANNOUNCED_YEARS.length,
    );
  });

  it('each cite a source document', () => {
    for (const year of SHIPPED_ANNOUNCED_YEARS) expect(year.source.length).toBeGreaterThan(10);
  });

  describe.each(SHIPPED_ANNOUNCED_YEARS.flatMap((y) => occasionsOf(y).map((o) => [y.year, o] as const)))(
    '%i %s',
    (year, occasion) => {
      it('balances every weekday swapped off with a Saturday worked', () => {
        expect(daysOf(year, occasion, 'swapOff')).toHaveLength(daysOf(year, occasion, 'swapWork').length);
      });

      it('gives back one working day for each holiday on a weekend (BLLĐ 2019 Điều 111.3)', () => {
        const onWeekend = daysOf(year, occasion, 'holiday').filter((d) => isWeekend(d.date));
        expect(daysOf(year, occasion, 'compensatory')).toHaveLength(onWeekend.length);
      });
    },
  );

  it.each(SHIPPED_ANNOUNCED_YEARS.filter((y) => y.days.some((d) => d.occasion === 'tet')).map((y) => y.year))(
    'gives five Tết days in %i, the lunar new year among them',
    (year) => {
      const tet = daysOf(year, 'tet', 'holiday').map((d) => d.date);
      expect(tet).toHaveLength(5);
      expect(tet).toContain(tetDate(year));
    },
  );

  it('agrees with the computed default where the PM chose it (Tết 2019, 2022; Quốc khánh 2022, 2025)', () => {
    const computed = (year: number, occasion: string) =>
      computedHolidays(year)
        .filter((h) => h.occasion === occasion)
        .map((h) => h.date);
    const announced = (year: number, occasion: string) => daysOf(year, occasion, 'holiday').map((d) => d.date);
    for (const [year, occasion] of [
      [2019, 'tet'],
      [2022, 'tet'],
      [2022, 'nationalDay'],
      [2025, 'nationalDay'],
    ] as const) {
      expect(announced(year, occasion)).toEqual(computed(year, occasion));
    }
  });
});
