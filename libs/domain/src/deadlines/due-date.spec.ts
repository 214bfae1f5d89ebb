import { createWorkingDayCalendar } from '../calendar/calendar';
import { dueDate } from './due-date';

const calendar = createWorkingDayCalendar();

describe('counting a term (Bộ luật Dân sự 2015 Điều 147–148)', () => {
  it('does not count the start day of a day term', () => {
    expect(dueDate('2025-03-03', 10, 'days', calendar)).toBe('2025-03-13');
  });

  it('moves a day term ending on a Sunday to the Monday', () => {
    expect(dueDate('2025-03-06', 10, 'days', calendar)).toBe('2025-03-17');
  });

  it('moves a day term ending in Tết to the first working day after it', () => {
    expect(dueDate('2025-01-17', 10, 'days', calendar)).toBe('2025-02-03');
  });

  it('ends a month term on the corresponding day, or the last day of a shorter month, then the next working day', () => {
    expect(dueDate('2025-01-15', 6, 'months', calendar)).toBe('2025-07-15');
    expect(dueDate('2025-08-31', 6, 'months', calendar)).toBe('2026-03-02'); // 28/02/2026 is a Saturday
  });

  it('counts working days only for a working-day term', () => {
    expect(dueDate('2025-01-24', 5, 'workingDays', calendar)).toBe('2025-02-07');
    expect(dueDate('2025-04-25', 4, 'workingDays', calendar)).toBe('2025-05-05'); // Sat 26/4 worked, 28/4, 29/4, then 5/5
  });

  it('makes an immediate term due the same day', () => {
    expect(dueDate('2025-01-25', 0, 'immediately', calendar)).toBe('2025-01-25');
  });

  it("adds paused time in the term's own unit", () => {
    expect(dueDate('2025-03-04', 10, 'days', calendar, 10)).toBe('2025-03-24');
    expect(dueDate('2025-03-03', 5, 'workingDays', calendar, 5)).toBe('2025-03-17');
  });
});
