import { addDays, addYears, caseKindsOf, CaseReceivedData, KnownCase, LocalDate } from '@thads/domain';
import { OPEN_END } from '../deadlines/deadline-versions';
import { isActive } from '../statistics/ledger-keys';
import { TimelinePoint } from './case-timeline';
import { Standing } from './cases-at';
import { AssetFact, assetFactsOf } from './watch-facts.projection';
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
export const SPAN_RULES: ReadonlyArray<{ id: string; rule: WatchRule; unknown: string }> = [
  ...WATCH_LISTS.map((l) => ({ id: l.id, rule: l.rule })),
  { id: OPEN_WITH_CONDITIONS, rule: { caseload: 'withConditions', money: 'remaining' } as WatchRule },
].map((r) => ({ ...r, unknown: unknownKindOf(r.id) }));

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
  // Any day but 29 February is there every year: the same day, `years` later.
  if (!since.endsWith('-02-29')) return day;
  while (addYears(day, -years) < since) day = addDays(day, 1);
  while (addYears(addDays(day, -1), -years) >= since) day = addDays(day, -1);
  return day;
};

type Kinds = ReturnType<typeof caseKindsOf>;

/**
 * Can the case ever meet the rule, whatever the day? What never changes with the day (its kinds
 * as now, the amount ordered, whether it was ever with conditions, its auctions at all) rules
 * most lists out for most cases before any day is looked at. Only a necessary condition: the
 * rule itself (`judge`) decides each day.
 */
const mayMeet = (rule: WatchRule, kinds: Kinds, due: bigint, everWithConditions: boolean, assets: AssetFact[]) =>
  (rule.caseload !== 'withConditions' || everWithConditions) &&
  (!rule.creditorKinds || kinds.creditorKind === undefined || rule.creditorKinds.includes(kinds.creditorKind)) &&
  (!rule.judgmentKinds || kinds.judgmentKind === undefined || rule.judgmentKinds.includes(kinds.judgmentKind)) &&
  (rule.dueOver === undefined || due > BigInt(rule.dueOver)) &&
  (rule.unsoldAuctionsAtLeast === undefined ||
    assets.filter((f) => f[0] === 'a' && f[2] !== 'sold').length >= rule.unsoldAuctionsAtLeast) &&
  (!rule.soldNotDelivered || assets.some((f) => f[0] === 'a' && f[2] === 'sold'));

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
  const rules = SPAN_RULES.filter(({ rule }) => mayMeet(rule, kinds, due, since !== undefined, assets));
  if (rules.length === 0) return [];
  const days = new Set(points.map((p) => p.on));
  if (since !== undefined)
    for (const { rule } of rules)
      if (rule.withConditionsForYears !== undefined) days.add(yearsAfter(since, rule.withConditionsForYears));
  const changes = [...days].sort();
  const open = new Map<string, WatchSpan>();
  const spans: WatchSpan[] = [];
  let at = -1;
  let asset = 0;
  for (const day of changes) {
    while (at + 1 < points.length && points[at + 1].on <= day) at++;
    while (asset < assets.length && assets[asset][1] <= day) asset++;
    const p = points[at];
    const active = isActive(p.cls);
    const state: CaseAt | undefined =
      !active && p.cls !== 'completed'
        ? undefined
        : {
            caseId: c.caseId,
            unitId: p.unitId,
            active,
            withConditions: WITH_CONDITIONS.has(p.cls),
            completed: p.cls === 'completed',
            withConditionsSince: since !== undefined && since <= day ? since : undefined,
            remaining: active ? p.outstanding : 0n,
            due,
            creditorKind: kinds.creditorKind,
            judgmentKind: kinds.judgmentKind,
            steeringCommittee: kinds.steeringCommittee,
            assets: asset === assets.length ? assets : assets.slice(0, asset),
          };
    for (const { id, rule, unknown } of rules) {
      const verdict = state ? judge(rule, state, day) : 'out';
      const list = verdict === 'in' ? id : unknown;
      const money = verdict === 'in' ? moneyOf(rule, state!) : 0n;
      // A case counted apart for a kind never recorded is only counted: one span as long as that holds.
      const remaining = verdict === 'in' ? state!.remaining : 0n;
      const standing: Standing = verdict === 'in' && active ? (p.cls as Standing) : 'completed';
      const sinceOn = verdict === 'in' ? (state!.withConditionsSince ?? null) : null;
      for (let k = 0; k < 2; k++) {
        const name = k === 0 ? id : unknown;
        const running = open.get(name);
        if (
          running &&
          (verdict === 'out' ||
            running.list !== list ||
            running.money !== money ||
            running.unitId !== p.unitId ||
            running.remaining !== remaining ||
            running.standing !== standing ||
            running.withConditionsSince !== sinceOn)
        ) {
          running.to = day;
          open.delete(name);
        }
      }
      if (verdict !== 'out' && !open.has(list)) {
        const span: WatchSpan = {
          list,
          unitId: p.unitId,
          from: day,
          to: OPEN_END,
          money,
          remaining,
          standing,
          withConditionsSince: sinceOn,
        };
        open.set(list, span);
        spans.push(span);
      }
    }
  }
  return spans;
};
