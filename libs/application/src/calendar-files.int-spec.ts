import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCalendar } from './calendar-files';

describe('announced calendar years read at start', () => {
  it('adds a year from a JSON file without a release, overriding the computed days', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thads-cal-'));
    // A hypothetical 2027 notice: Tết holidays with a worked Saturday swapped for a weekday.
    writeFileSync(
      join(dir, '2027.json'),
      JSON.stringify([
        {
          year: 2027,
          source: 'TB thử nghiệm',
          days: [
            { date: '2027-02-05', kind: 'holiday', reason: 'Tết Nguyên đán', occasion: 'tet' },
            { date: '2027-02-08', kind: 'holiday', reason: 'Tết Nguyên đán', occasion: 'tet' },
            { date: '2027-02-09', kind: 'swapOff', reason: 'Nghỉ hoán đổi', occasion: 'tet' },
            { date: '2027-02-20', kind: 'swapWork', reason: 'Làm bù', occasion: 'tet' },
          ],
        },
      ]),
    );
    const calendar = loadCalendar(dir);
    expect(calendar.isWorkingDay('2027-02-09')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-20')).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a malformed file, naming the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thads-cal-'));
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify([{ year: 2027, days: [{ date: '2027-02-30', kind: 'holiday' }] }]),
    );
    expect(() => loadCalendar(dir)).toThrow(/rejected/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the shipped calendar when the directory does not exist', () => {
    expect(loadCalendar('/nonexistent/thads-calendar').isWorkingDay('2026-02-17')).toBe(false);
  });
});
