import fc from 'fast-check';
import {
  addDays,
  CaseEvent,
  CaseState,
  caseDecider,
  createWorkingDayCalendar,
  DEADLINE_DATA_FIELDS,
  evaluateDeadlines,
  LocalDate,
  RecordedStep,
  stepOfEventType,
} from '@thads/domain';
import { caseReceived, step } from '../../../domain/src/testing/builders';

// Here rather than beside deadlines/starts.ts: libs/domain may import only xstate, not fast-check.
// One regime, one answer (issue 20 point 10). The move to separate tracking is a step: from
// 1 July 2026 it follows NĐ 152/2026/NĐ-CP (its Điều 115: steps done under the old law keep their
// effect, the next ones follow the new decree), which asks 2 years and sets no deadline for it.
// The deadline asks the lifecycle's own guard on which day the move is allowed, and takes the
// regime of that day; a 2015 term still undone on 30 June 2026 lapses with NĐ 62/2015.

const calendar = createWorkingDayCalendar();
const FAR = '2035-01-01';

const fold = (events: CaseEvent[]): CaseState => events.reduce(caseDecider.evolve, caseDecider.initialState());

/** Runs the commands through the decider, as the write path does; undefined when one is refused. */
const recordCase = (
  origin: 'exOfficio' | 'onRequest',
  receivedOn: LocalDate,
  steps: Array<[string, LocalDate, Record<string, unknown>?]>,
) => {
  const events: CaseEvent[] = [caseReceived({ origin }, receivedOn)];
  for (const [name, on, data] of steps) {
    try {
      events.push(...caseDecider.decide(step(name as never, on, data as never, FAR), fold(events)));
    } catch {
      return undefined;
    }
  }
  return events;
};

const recorded = (events: CaseEvent[], asOf: LocalDate): RecordedStep[] =>
  events
    .filter((e) => e.on <= asOf)
    .map((e) => {
      const data = e.data as Record<string, unknown>;
      return {
        step: stepOfEventType(e.type)!,
        on: e.on,
        data: Object.fromEntries(DEADLINE_DATA_FIELDS.filter((f) => data[f] !== undefined).map((f) => [f, data[f]])),
      };
    });

const moves = (events: CaseEvent[], asOf: LocalDate) =>
  evaluateDeadlines(recorded(events, asOf), asOf, calendar).filter((d) => d.rule === 'move-to-separate-tracking');

/** Whether the lifecycle accepts the move on `on`, given what happened up to `asOf`. */
const moveAllowed = (events: CaseEvent[], asOf: LocalDate, on: LocalDate): boolean => {
  try {
    caseDecider.decide(step('moveToSeparateTracking', on, {}, FAR), fold(events.filter((e) => e.on <= asOf)));
    return true;
  } catch {
    return false;
  }
};

const classified = (on: LocalDate, verifications: LocalDate[], origin: 'exOfficio' | 'onRequest' = 'exOfficio') =>
  recordCase(origin, addDays(on, -40), [
    ['decide', addDays(on, -38)],
    ['verify', addDays(on, -5)],
    ['classify', on, { class: 'withoutConditions', ground: 'noAssets' }],
    ...verifications.map((v): [string, LocalDate] => ['verify', v]),
  ])!;

describe('the move to separate tracking and its guard answer under one regime', () => {
  it('shows no overdue move in August 2026 for a case classified in August 2025, whose move the 2026 rules refuse until 2027', () => {
    const events = classified('2025-08-11', ['2026-02-10', '2026-08-10']);
    expect(moveAllowed(events, '2026-08-20', '2026-08-20')).toBe(false);
    expect(moves(events, '2026-08-20')).toEqual([]);
    // Two years on, the 2026 rules allow the move, and set no deadline for it.
    expect(moveAllowed(events, '2027-08-12', '2027-08-12')).toBe(true);
    expect(moves(events, '2027-09-30')).toEqual([]);
  });

  it('keeps a 2015 term that falls due before 1 July 2026, and lets it lapse with NĐ 62/2015 if still undone', () => {
    const events = classified('2025-01-10', ['2025-06-02', '2025-12-01']);
    expect(moves(events, '2026-03-02')[0]).toMatchObject({
      regime: '2015',
      startsOn: '2026-01-10',
      due: '2026-01-14',
      status: 'overdue',
    });
    expect(moveAllowed(events, '2026-03-02', '2026-03-02')).toBe(true);
    expect(moves(events, '2026-08-03')[0]).toMatchObject({
      regime: '2015',
      status: 'cancelled',
      lapsedOn: '2026-07-01',
      daysPastDueWhenCancelled: 168,
    });
    expect(moveAllowed(events, '2026-08-03', '2026-08-03')).toBe(false);
  });

  it('does not carry a 2015 term past 30 June 2026', () => {
    const events = classified('2025-06-27', ['2025-12-01', '2026-03-02']);
    expect(moves(events, '2026-06-29')[0]).toMatchObject({
      regime: '2015',
      startsOn: '2026-06-27',
      due: '2026-06-30',
      status: 'open',
    });
    expect(moveAllowed(events, '2026-06-29', '2026-06-30')).toBe(true);
    // Undone on its last day, it was missed by one day when NĐ 62/2015 ceased.
    expect(moves(events, '2026-07-02')[0]).toMatchObject({
      status: 'cancelled',
      lapsedOn: '2026-07-01',
      daysPastDueWhenCancelled: 1,
    });
  });

  it('whenever the rule says the move is due on a date, the lifecycle allows the move on that date (property)', () => {
    const day = (from: LocalDate, max: number) => fc.integer({ min: 0, max }).map((n) => addDays(from, n));
    const scenario = fc.record({
      origin: fc.constantFrom('exOfficio' as const, 'onRequest' as const),
      classifiedOn: day('2024-01-01', 4 * 365),
      ground: fc.constantFrom('noAssets', 'noAssets', 'addressUnknown'),
      gaps: fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 4 }),
      asOfAfter: fc.oneof(fc.integer({ min: 0, max: 4 * 365 }), fc.integer({ min: 360, max: 800 })),
    });
    let checked = 0;
    fc.assert(
      fc.property(scenario, ({ origin, classifiedOn, ground, gaps, asOfAfter }) => {
        const verifications = gaps.reduce<LocalDate[]>(
          (acc, gap) => [...acc, addDays(acc[acc.length - 1] ?? classifiedOn, gap)],
          [],
        );
        const events = recordCase(origin, addDays(classifiedOn, -40), [
          ['decide', addDays(classifiedOn, -38)],
          ['verify', addDays(classifiedOn, -5)],
          ['classify', classifiedOn, { class: 'withoutConditions', ground }],
          ...verifications.map((v): [string, LocalDate] => ['verify', v]),
        ]);
        fc.pre(events !== undefined);
        const asOf = addDays(classifiedOn, asOfAfter);
        for (const item of moves(events!, asOf)) {
          if (item.status !== 'open' && item.status !== 'overdue') continue;
          checked += 1;
          expect(moveAllowed(events!, asOf, asOf)).toBe(true);
          if (item.status === 'open') expect(moveAllowed(events!, asOf, item.due)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
    expect(checked).toBeGreaterThan(50);
  });
});
