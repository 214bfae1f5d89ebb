import { createWorkingDayCalendar } from '../calendar/calendar';
import { REPORT_DEADLINES, REPORT_LEVELS, reportDueDate } from './report-deadlines';
import { DEADLINE_RULES } from './rules';
import { UNCHECKED_TERMS } from './unchecked-terms';

const calendar = createWorkingDayCalendar();

describe('statistical report deadlines (TT 06/2019/TT-BTP Điều 9.2; TT 05/2024/TT-BTP Điều 10.1)', () => {
  it("are due 1, 2 and 4 working days after the period ends, on the agency's calendar", () => {
    // The 7-month period of 2025 ends on 30/4, a holiday; 1/5 is one too and 2/5 swapped off.
    expect(REPORT_LEVELS.map((level) => reportDueDate('2025-04-30', level, calendar))).toEqual([
      '2025-05-05',
      '2025-05-06',
      '2025-05-08',
    ]);
    expect(reportDueDate('2023-12-31', 'enforcer', calendar)).toBe('2024-01-02');
  });

  it('have no rule before TT 06/2019 came into force (5 January 2020) or after 30 June 2026 (TT 05/2026 not read)', () => {
    expect(reportDueDate('2019-12-31', 'enforcer', calendar)).toBeUndefined();
    expect(reportDueDate('2026-07-31', 'province', calendar)).toBeUndefined();
  });

  it('cite an article each, and flag as unsure what was not read', () => {
    for (const r of REPORT_DEADLINES) expect(r.legalBasis.article).toMatch(/Điều \d+/);
    expect(REPORT_DEADLINES.filter((r) => r.confidence === 'unsure').map((r) => `${r.level}@${r.appliesFrom}`)).toEqual(
      ['district@2024-07-26', 'province@2024-07-26'],
    );
  });
});

describe('terms the engine does not check', () => {
  it('each cite an article, say what is missing, and are not also checked rules of the same regime', () => {
    const checked = new Set(DEADLINE_RULES.map((r) => `${r.id}@${r.regime}`));
    for (const term of UNCHECKED_TERMS) {
      expect(term.legalBasis.article).toMatch(/Điều \d+/);
      expect(term.missing.length).toBeGreaterThan(10);
      expect(checked.has(`${term.id}@${term.regime}`)).toBe(false);
    }
  });

  it('cover the rows of the deadline table no rule checks', () => {
    const rows = new Set([...DEADLINE_RULES.map((r) => r.row), ...UNCHECKED_TERMS.map((t) => t.row)]);
    for (const row of ['6', '10', '14', '24', '30', '31', '36', '37']) expect(rows).toContain(row);
  });
});
