import { createWorkingDayCalendar } from '../calendar/calendar';
import { checkSeparateTracking } from '../lifecycle/separate-tracking';
import { REGIMES, regimeOn } from '../regime';
import { evaluateDeadlines } from './evaluate';
import { RecordedStep } from './recorded-step';
import { DEADLINE_RULES } from './rules';

const calendar = createWorkingDayCalendar();
const s = (step: string, on: string, data: Record<string, unknown> = {}): RecordedStep => ({ step, on, data });
const rulesOf = (steps: RecordedStep[], asOf: string) =>
  evaluateDeadlines(steps, asOf, calendar).map((d) => `${d.rule}@${d.regime}`);

describe('when each regime begins (issue 20 point 11)', () => {
  it('starts the first modelled regime with Luật THADS 2008 on 1 July 2009, the amended law on 1 July 2015, the new law on 1 July 2026', () => {
    expect(REGIMES.map((r) => [r.regime, r.from])).toEqual([
      ['2009', '2009-07-01'],
      ['2015', '2015-07-01'],
      ['2026', '2026-07-01'],
    ]);
    expect([
      regimeOn('2009-06-30'),
      regimeOn('2009-07-01'),
      regimeOn('2015-06-30'),
      regimeOn('2015-07-01'),
      regimeOn('2026-06-30'),
      regimeOn('2026-07-01'),
    ]).toEqual([undefined, '2009', '2009', '2015', '2015', '2026']);
  });

  it("gives an event before 1 July 2009 no rule at all, never a later law's", () => {
    const steps = [
      s('receive', '2009-06-15', { origin: 'onRequest' }),
      s('decide', '2009-06-30'),
      s('notify', '2009-06-30'),
    ];
    expect(rulesOf(steps, '2009-12-31')).toEqual([]);
    expect(rulesOf([s('receive', '2009-07-01', { origin: 'onRequest' })], '2009-12-31')).toEqual([
      'decide-on-request@2009',
    ]);
  });

  it('refuses the move to separate tracking before 1 July 2009 as having no rule', () => {
    const check = checkSeparateTracking(
      'exOfficio',
      { since: '2007-01-01', verifications: 3, countedPeriod: 2 },
      '2009-06-30',
    );
    expect(check).toEqual({ ok: false, missing: expect.stringContaining('trước 01/07/2009') });
  });

  // NĐ 62/2015/NĐ-CP was signed 18 July 2015 and came into force on 1 September 2015.
  it('applies the rules written in NĐ 62/2015 only from 1 September 2015, when the decree came into force', () => {
    const assigned = (on: string) => [s('receive', on, { origin: 'exOfficio' }), s('decide', on), s('assign', on)];
    expect(rulesOf(assigned('2015-08-31'), '2015-12-31')).not.toContain('open-case-file@2015');
    expect(rulesOf(assigned('2015-09-01'), '2015-12-31')).toContain('open-case-file@2015');
    // The law's own rules start with the law, on 1 July 2015.
    expect(rulesOf(assigned('2015-07-01'), '2015-12-31')).toContain('decide-ex-officio@2015');
    const decreeRules = DEADLINE_RULES.filter(
      (r) => r.regime === '2015' && r.legalBasis.law.startsWith('Nghị định 62/2015'),
    );
    expect(decreeRules.length).toBeGreaterThan(4);
    for (const rule of decreeRules)
      expect(rule.appliesFrom !== undefined && rule.appliesFrom >= '2015-09-01').toBe(true);
  });
});
