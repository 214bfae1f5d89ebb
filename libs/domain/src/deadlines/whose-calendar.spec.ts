import { createWorkingDayCalendar } from '../calendar/calendar';
import { civilCalendar } from '../calendar/civil-calendar';
import { DEADLINE_RULES } from './rules';
import { evaluateDeadlines } from './evaluate';
import { RecordedStep } from './recorded-step';
import { dueDate } from './due-date';

// In 2025 civil servants worked Saturday 26 April and took Friday 2 May off (the swap around
// 30/4–1/5). A private person's terms are counted on the ordinary calendar (Bộ luật Dân sự 2015
// Điều 148): for them 26/4 is a Saturday like any other and 2/5 a working Friday.
const agency = createWorkingDayCalendar();
const civil = civilCalendar(agency);
const s = (step: string, on: string, data: Record<string, unknown> = {}): RecordedStep => ({ step, on, data });
const item = (steps: RecordedStep[], asOf: string, rule: string) =>
  evaluateDeadlines(steps, asOf, agency).find((d) => d.rule === rule)!;

describe('whose rest days end a term', () => {
  it('keeps the 2025 swap apart: 26/4 worked and 2/5 off for the agency, the other way round for a private person', () => {
    expect([agency.isWorkingDay('2025-04-26'), agency.isWorkingDay('2025-05-02')]).toEqual([true, false]);
    expect([civil.isWorkingDay('2025-04-26'), civil.isWorkingDay('2025-05-02')]).toEqual([false, true]);
    // Holidays and their compensatory days are rest days for everyone.
    for (const day of ['2025-04-30', '2025-05-01', '2025-01-29', '2025-09-02'])
      expect([agency.isWorkingDay(day), civil.isWorkingDay(day)]).toEqual([false, false]);
    expect(civil.dayOff('2025-04-26')).toMatchObject({ kind: 'weekend', source: expect.stringContaining('Điều 148') });
  });

  it("ends a debtor's voluntary period that falls on Saturday 26/4/2025 on Monday 28/4 (Luật THADS Điều 45.1; BLDS Điều 148)", () => {
    const steps = [
      s('receive', '2025-04-01', { origin: 'onRequest' }),
      s('decide', '2025-04-15'),
      s('notify', '2025-04-16'),
    ];
    expect(item(steps, '2025-04-27', 'voluntary-period')).toMatchObject({
      calendar: 'civil',
      due: '2025-04-28',
      status: 'open',
    });
    // The agency's first verification then runs from the end of the debtor's period.
    expect(item(steps, '2025-05-20', 'first-verification')).toMatchObject({
      calendar: 'agency',
      startsOn: '2025-04-28',
      due: '2025-05-08',
    });
  });

  it("ends the agency's own 10-day term on the Saturday it works, 26/4/2025 (Luật THADS Điều 47.5)", () => {
    const steps = [s('receive', '2025-04-01', { origin: 'exOfficio' }), s('collect', '2025-04-16', { amount: '100' })];
    expect(item(steps, '2025-04-20', 'disburse-collected')).toMatchObject({ calendar: 'agency', due: '2025-04-26' });
  });

  it("ends a buyer's payment due on Friday 2/5/2025 that day, though the agency is closed (NĐ 62/2015 Điều 27.3)", () => {
    const steps = [
      s('receive', '2025-01-02', { origin: 'exOfficio' }),
      s('value', '2025-03-01'),
      s('auction', '2025-04-02', { result: 'sold' }),
    ];
    expect(item(steps, '2025-05-03', 'buyer-payment')).toMatchObject({
      calendar: 'civil',
      due: '2025-05-02',
      status: 'overdue',
      daysOverdue: 1,
    });
    expect(dueDate('2025-04-02', 30, 'days', agency)).toBe('2025-05-05');
  });

  it("counts the agency's terms on the agency's calendar and the parties' on the civil one, rule by rule", () => {
    for (const rule of DEADLINE_RULES)
      expect([rule.id, rule.calendar]).toEqual([rule.id, rule.actor === 'agency' ? 'agency' : 'civil']);
  });
});
