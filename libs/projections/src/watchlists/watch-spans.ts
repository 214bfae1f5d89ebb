import { addDays, addYears, caseKindsOf, CaseReceivedData, KnownCase, LocalDate } from '@thads/domain';
import { OPEN_END } from '../deadlines/deadline-versions';
import { isActive } from '../statistics/ledger-keys';
import { TimelinePoint } from './case-timeline';
import { Standing } from './cases-at';
import { assetFactsOf } from './watch-facts.projection';
import { CaseAt, judge, moneyOf, WatchRule } from './watch-rule';
import { WATCH_LISTS } from './watch-lists';

/**
 * The outlook's open cases with conditions (docs/outlook.md, "the cases that would close the
 * gap"), kept as one more list so that they too are read by index rather than by a pass over
 * every case. Not a watch list: no API lists it.
 */
export const OPEN_WITH_CONDITIONS = '@open-with-conditions';

/** A list's cases that meet every condition but a kind never recorded (`unknownKind`): counted, never listed. */
export const unknownKindOf = (listId: string): string => `${listId}@unknown-kind`;

/** The end of a span still running: the deadlines' versions use the same. */
export { OPEN_END };

/** Every rule kept as spans: the watch lists and the outlook's open cases. */
export const SPAN_RULES: ReadonlyArray<{ id: string; rule: WatchRule }> = [
  ...WATCH_LISTS.map((l) => ({ id: l.id, rule: l.rule })),
  { id: OPEN_WITH_CONDITIONS, rule: { caseload: 'withConditions', money: 'remaining' } },
];

/**
 * A stretch of days `[from, to)` during which a case is on one list with the same money, in the
 * same unit and standing: what the list's count and page read as of any day in it.
 */
export interface WatchSpan {
  /** A list id, or `unknownKindOf(id)` for the cases a never-recorded kind keeps off it. */
  list: string;
  unitId: string;
  from: LocalDate;
  /** The first day no longer on it (exclusive), OPEN_END while it runs. */
  to: LocalDate;
  /** The case's share of the list's money (what remains, or the undelivered sale's price). */
  money: bigint;
  remaining: bigint;
  standing: Standing;
  withConditionsSince: LocalDate | null;
}

const WITH_CONDITIONS = new Set(['inProgress', 'postponed', 'suspended']);

/** The first day `d` with addYears(d, -years) >= since: from then on the case has been with conditions that long. */
const yearsAfter = (since: LocalDate, years: number): LocalDate => {
  let day = addYears(since, years);
  while (addYears(day, -years) < since) day = addDays(day, 1);
  while (addYears(addDays(day, -1), -years) >= since) day = addDays(day, -1);
  return day;
};

const sameSpan = (a: WatchSpan, b: Omit<WatchSpan, 'from' | 'to'>) =>
  a.list === b.list &&
  a.money === b.money &&
  a.unitId === b.unitId &&
  a.remaining === b.remaining &&
  a.standing === b.standing &&
  a.withConditionsSince === b.withConditionsSince;

/**
 * The case's spans on every list, from its timeline (case-timeline.ts) and what it is about as it
 * stands now (kinds and the amount ordered, as the lists read them: docs/watchlists.md). The day
 * a list's verdict can change is the day of a step, or the day a case with conditions since a day
 * completes the years a list asks for; between two such days every condition holds or fails the
 * same, so the list is evaluated once a day of change with the same rule as a case evaluated alone
 * (watch-rule.ts `judge`). Ordered by first day, so a new step adds spans at the end.
 */
export const spansOf = (c: KnownCase, points: ReadonlyArray<TimelinePoint>): WatchSpan[] => {
  // A case never accepted (or never in the caseload) is on no list.
  if (!points.some((p) => isActive(p.cls))) return [];
  const kinds = caseKindsOf(c.steps);
  const due = BigInt((c.steps[0].data as CaseReceivedData).amountDue);
  const assets = assetFactsOf(c);
  const since = points.find((p) => WITH_CONDITIONS.has(p.cls))?.on;
  const days = new Set(points.map((p) => p.on));
  if (since !== undefined)
    for (const { rule } of SPAN_RULES)
      if (rule.withConditionsForYears !== undefined) days.add(yearsAfter(since, rule.withConditionsForYears));
  const changes = [...days].sort();
  const open = new Map<string, WatchSpan>();
  const spans: WatchSpan[] = [];
  const close = (list: string, day: LocalDate) => {
    const span = open.get(list);
    if (span) {
      span.to = day;
      open.delete(list);
    }
  };
  let at = -1;
  let asset = 0;
  for (const day of changes) {
    while (at + 1 < points.length && points[at + 1].on <= day) at++;
    while (asset < assets.length && assets[asset][1] <= day) asset++;
    const p = points[at];
    const state: CaseAt | undefined =
      p === undefined || (!isActive(p.cls) && p.cls !== 'completed')
        ? undefined
        : {
            caseId: c.caseId,
            unitId: p.unitId,
            active: isActive(p.cls),
            withConditions: WITH_CONDITIONS.has(p.cls),
            completed: p.cls === 'completed',
            ...(since !== undefined && since <= day ? { withConditionsSince: since } : {}),
            remaining: isActive(p.cls) ? p.outstanding : 0n,
            due,
            ...kinds,
            assets: assets.slice(0, asset),
          };
    for (const { id, rule } of SPAN_RULES) {
      const verdict = state ? judge(rule, state, day) : 'out';
      const unknown = unknownKindOf(id);
      const now =
        verdict === 'out'
          ? undefined
          : verdict === 'in'
            ? {
                list: id,
                unitId: state!.unitId,
                money: moneyOf(rule, state!),
                remaining: state!.remaining,
                standing: (state!.active ? p.cls : 'completed') as Standing,
                withConditionsSince: state!.withConditionsSince ?? null,
              }
            : // Only counted: one span as long as the verdict holds.
              {
                list: unknown,
                unitId: state!.unitId,
                money: 0n,
                remaining: 0n,
                standing: 'completed' as Standing,
                withConditionsSince: null,
              };
      for (const list of [id, unknown]) {
        const running = open.get(list);
        if (running && !(now && sameSpan(running, now))) close(list, day);
      }
      if (now && !open.has(now.list)) {
        const span: WatchSpan = { ...now, from: day, to: OPEN_END };
        open.set(now.list, span);
        spans.push(span);
      }
    }
  }
  return spans;
};
