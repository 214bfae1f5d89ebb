import { addDays } from '../calendar/local-date';
import { regimeOn } from '../regime';
import { DEADLINE_STEP_NAMES, DeadlineRule, triggersOf, WHOSE_CALENDARS } from './deadline-rule';
import { PREDICATE_NAMES } from './predicates';
import { DEADLINE_RULES } from './rules';
import { START_NAMES } from './starts';

const appliesOn = (rule: DeadlineRule, date: string) =>
  rule.regime === regimeOn(date) &&
  (!rule.appliesFrom || date >= rule.appliesFrom) &&
  (!rule.appliesUntil || date <= rule.appliesUntil);

describe('the deadline rules', () => {
  it.each(
    DEADLINE_RULES.map((r) => [`${r.id} (${r.regime}${r.appliesFrom ? ` from ${r.appliesFrom}` : ''})`, r] as const),
  )('%s cites its legal basis: a law and an article', (_name, rule) => {
    expect(rule.legalBasis.law.trim()).not.toBe('');
    expect(rule.legalBasis.article.trim()).not.toBe('');
    expect(rule.legalBasis.article).toMatch(/Điều \d+/);
  });

  it('have Vietnamese titles, a length unless immediate, and known step, predicate and start names', () => {
    for (const rule of DEADLINE_RULES) {
      expect(rule.title).toMatch(/[ạ-ỹà-ỵđ]/);
      expect(rule.unit === 'immediately' || rule.length > 0).toBe(true);
      for (const step of [...triggersOf(rule), ...rule.satisfiedBy, ...rule.cancelledBy])
        expect(DEADLINE_STEP_NAMES).toContain(step);
      for (const name of [rule.when, rule.lengthWhen?.when].filter(Boolean)) expect(PREDICATE_NAMES).toContain(name);
      expect(START_NAMES).toContain(rule.start ?? 'trigger');
      if (rule.after) expect(DEADLINE_RULES.some((r) => r.id === rule.after && r.regime === rule.regime)).toBe(true);
      if (rule.satisfiedEarlierSince) expect(DEADLINE_STEP_NAMES).toContain(rule.satisfiedEarlierSince);
      expect(WHOSE_CALENDARS).toContain(rule.calendar);
      if (rule.lapsesAfter) expect(rule.appliesUntil === undefined || rule.lapsesAfter <= rule.appliesUntil).toBe(true);
    }
  });

  it('never have two entries of one rule in force on the same day', () => {
    // Checking both sides of every boundary, and a day a year, covers every stretch in between.
    const boundaries = [
      '2015-07-01',
      '2026-07-01',
      ...DEADLINE_RULES.flatMap((r) => [r.appliesFrom, r.appliesUntil && addDays(r.appliesUntil, 1)]),
    ].filter((d): d is string => d !== undefined);
    const yearly = Array.from({ length: 20 }, (_, i) => `${2009 + i}-08-15`);
    const dates = [...yearly, ...boundaries.flatMap((d) => [addDays(d, -1), d])];
    const clashes = dates.flatMap((date) =>
      [...new Set(DEADLINE_RULES.map((r) => r.id))]
        .filter((id) => DEADLINE_RULES.filter((r) => r.id === id && appliesOn(r, date)).length > 1)
        .map((id) => `${id} on ${date}`),
    );
    expect(clashes).toEqual([]);
  });

  it('cover the rows of docs/domain.md §3 the issue asks for', () => {
    const rows = new Set(DEADLINE_RULES.map((r) => r.row));
    for (const row of [
      '3',
      '3a',
      '4',
      '5',
      '7',
      '8',
      '9',
      '13',
      '15',
      '16',
      '17',
      '18',
      '19',
      '20',
      '21',
      '22',
      '23',
      '25',
      '28',
      '29',
      '31',
      '33',
      '34',
      '35',
    ]) {
      expect(rows).toContain(row);
    }
  });

  it('give every rule of the 2015 regime a counterpart from 1 July 2026, except the move to separate tracking', () => {
    const of = (regime: string) => new Set(DEADLINE_RULES.filter((r) => r.regime === regime).map((r) => r.id));
    const missing = [...of('2015')].filter((id) => !of('2026').has(id));
    expect(missing).toEqual(['move-to-separate-tracking']);
  });
});
