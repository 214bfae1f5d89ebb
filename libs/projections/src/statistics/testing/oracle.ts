import {
  caseDecider,
  CaseEvent,
  CaseState,
  KnownCase,
  remainingDue,
  STATISTIC_CLASS,
  StatisticClass,
  stateNameOf,
} from '@thads/domain';
import { RecordedEvent } from '@thads/event-store';
import { formatHundredths, rateHundredths } from '../percent';
import { Figures } from '../report-shape';

const ACTIVE = new Set<StatisticClass>(['unclassified', 'inProgress', 'withoutConditions', 'postponed', 'suspended']);
const cls = (s: CaseState): StatisticClass =>
  s.status === 'known' ? STATISTIC_CLASS[stateNameOf(s.lifecycle)] : 'notAccepted';
const amounts = (s: CaseState) =>
  s.status === 'known' ? s.lifecycle.context.amounts : { due: 0n, collected: 0n, disbursed: 0n, reduced: 0n };
const due = (s: CaseState) => (s.status === 'known' ? remainingDue(s.lifecycle.context.amounts) : 0n);

type Tally = Record<string, bigint>;
export type Known = { position: bigint } | { recordedAt: string };

/**
 * The report by brute force, for the property tests: fold each case's stream as it was known,
 * replay its effective steps one by one, and count where the case stands before `from` and at
 * `to` and what it did in between. No ledger, no sums, no SQL.
 */
export const oracleReport = (known: KnownCase[], unitIds: ReadonlyArray<string>, from: string, to: string): Figures => {
  const cases: Tally = {};
  const money: Tally = {};
  const add = (key: string, n: bigint, m: bigint) => {
    cases[key] = (cases[key] ?? 0n) + n;
    money[key] = (money[key] ?? 0n) + m;
  };
  for (const state of known) {
    if (!unitIds.includes(state.unitId)) continue;
    let s: CaseState = caseDecider.initialState();
    let start: CaseState = s;
    for (const step of state.steps) {
      if (step.on > to) break;
      const next = caseDecider.evolve(s, step);
      if (step.on < from) {
        s = start = next;
        continue;
      }
      const [a, b] = [cls(s), cls(next)];
      if (ACTIVE.has(a)) {
        add('collected', 0n, amounts(next).collected - amounts(s).collected);
        add('reduced', 0n, amounts(next).reduced - amounts(s).reduced);
      }
      if (!ACTIVE.has(a) && ACTIVE.has(b)) add('newlyAccepted', 1n, due(next));
      if (ACTIVE.has(a) && !ACTIVE.has(b)) add(`exit:${b}`, 1n, due(next));
      s = next;
    }
    if (ACTIVE.has(cls(start))) add('carriedOver', 1n, due(start));
    add(`at:${cls(s)}`, 1n, due(s));
  }
  return {
    cases: compose(cases, false) as unknown as Figures['cases'],
    money: compose(money, true) as unknown as Figures['money'],
  };
};

const compose = (t: Tally, isMoney: boolean) => {
  const v = (k: string) => t[k] ?? 0n;
  const total = v('carriedOver') + v('newlyAccepted');
  const completed = v('exit:completed') + (isMoney ? v('collected') : 0n);
  const reduced = isMoney ? v('reduced') : 0n;
  const resolved = completed + v('exit:terminated') + reduced;
  const inProgress = v('at:inProgress') + v('at:unclassified');
  const withConditions = resolved + inProgress + v('at:postponed') + v('at:suspended');
  const toExecute = total - v('exit:entrustedOut') - v('exit:revoked');
  const figures: Record<string, bigint | string> = {
    carriedOver: v('carriedOver'),
    newlyAccepted: v('newlyAccepted'),
    total,
    entrustedOut: v('exit:entrustedOut'),
    revoked: v('exit:revoked'),
    toExecute,
    withConditions,
    withoutConditions: v('at:withoutConditions') + v('exit:separateTracking') + v('exit:returned'),
    completed,
    terminated: v('exit:terminated'),
    ...(isMoney ? { reduced } : {}),
    resolved,
    inProgress,
    postponed: v('at:postponed'),
    suspended: v('at:suspended'),
    rate: formatHundredths(rateHundredths(resolved, withConditions)),
    carriedForward: toExecute - resolved,
    separateTracking: v('at:separateTracking'),
    unclassified: v('at:unclassified'),
  };
  return Object.fromEntries(
    Object.entries(figures).map(([k, x]) => [k, typeof x === 'string' ? x : isMoney ? x.toString() : Number(x)]),
  );
};

/** Every case folded from its stream as it was known (corrections applied): its effective steps. */
export const foldKnown = (all: RecordedEvent[], known?: Known): KnownCase[] =>
  byCase(all)
    .map((events) => knownPrefix(events, known).reduce(caseDecider.evolve, caseDecider.initialState()))
    .filter((s): s is KnownCase => s.status === 'known');

const byCase = (all: RecordedEvent[]): RecordedEvent[][] => {
  const streams = new Map<string, RecordedEvent[]>();
  for (const e of all)
    if (e.streamId.startsWith('case-')) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
  return [...streams.values()];
};

/** The case's events as known then: up to a position, or while every step so far was recorded by an instant. */
const knownPrefix = (events: RecordedEvent[], known?: Known): CaseEvent[] => {
  const out: CaseEvent[] = [];
  let clock = '';
  for (const e of events) {
    const meta = e.metadata as { on: string; recordedAt: string };
    clock = meta.recordedAt > clock ? meta.recordedAt : clock;
    if (known && ('position' in known ? e.position > known.position : clock > known.recordedAt)) break;
    out.push({ type: e.type, data: e.data, on: meta.on, id: e.id } as CaseEvent);
  }
  return out;
};
