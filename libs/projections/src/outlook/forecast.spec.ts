import { forecast, MARGIN, outcomeLike } from './forecast';

describe("the year's outlook (docs/outlook.md)", () => {
  it('adds to today what the rest of each past year added, scaled to this year’s caseload', () => {
    // Last year on this day: 40 of 100 resolved; by 30 September 90 of 120.
    const past = {
      year: 2025,
      sameDay: { resolved: 40, withConditions: 100 },
      yearEnd: { resolved: 90, withConditions: 120 },
    };
    // This year twice the caseload: 100 of 200 today → 100 + 50·2 of 200 + 20·2.
    expect(outcomeLike({ resolved: 100, withConditions: 200 }, past)).toEqual({ resolved: 200, withConditions: 240 });
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
