import { forecast, MARGIN, outcomeLike } from './forecast';

describe("the year's outlook (docs/outlook.md)", () => {
  it('divides what is resolved by the share of the year past years had reached by this day', () => {
    // Last year on this day: 40 resolved of the year's 90; 100 with conditions, 120 by 30 September.
    const past = {
      year: 2025,
      sameDay: { resolved: 40, withConditions: 100 },
      yearEnd: { resolved: 90, withConditions: 120 },
    };
    // This year 60 resolved today → 60 · 90/40 = 135; twice the caseload: 200 + 20·2.
    expect(outcomeLike({ resolved: 60, withConditions: 200 }, past)).toEqual({ resolved: 135, withConditions: 240 });
    // A past year with nothing resolved yet by the day adds its year per case with conditions.
    const slow = { ...past, sameDay: { resolved: 0, withConditions: 100 } };
    expect(outcomeLike({ resolved: 0, withConditions: 200 }, slow)).toEqual({ resolved: 180, withConditions: 240 });
  });

  it('expects the mean of the past years’ outcomes, the range their spread and a margin', () => {
    const f = forecast({ resolved: 30, withConditions: 100 }, [
      { year: 2025, sameDay: { resolved: 30, withConditions: 100 }, yearEnd: { resolved: 80, withConditions: 100 } },
      { year: 2024, sameDay: { resolved: 30, withConditions: 100 }, yearEnd: { resolved: 60, withConditions: 100 } },
    ]);
    expect(f).toMatchObject({ now: 30, expected: 70, low: 60 - MARGIN, high: 80 + MARGIN, years: [2025, 2024] });
  });

  it('without history carries today’s rate forward with a wide range; without a caseload says nothing', () => {
    expect(forecast({ resolved: 5, withConditions: 10 }, [])).toMatchObject({ expected: 50, low: 35, high: 65 });
    expect(forecast({ resolved: 0, withConditions: 0 }, [])).toMatchObject({ expected: null, low: null });
  });
});
