import { CaseEvent, CaseState, KnownCase, UNIT_REGISTERED, UnitRegisteredData } from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';
import { UnitScopes } from '../statistics/unit-scopes';
import { big, DdlTypes, ReadStore, SqlValue } from '../store/read-store';
import { RowWrites, TableSpec } from '../store/row-writes';
import { growTimeline, timelineOf } from './case-timeline';
import { FoldMemo } from './fold-memo';
import { OPEN_END, SPAN_RULES, spansOf, WatchSpan } from './watch-spans';

export const WATCH_SPANS: TableSpec = {
  table: 'watch_spans',
  columns: ['case_id', 'seq', 'list_id', 'unit_id', 'from_day', 'to_day', 'money', 'remaining', 'standing', 'since'],
  key: ['case_id', 'seq'],
};

export const WATCH_DAILY: TableSpec = {
  table: 'watch_daily',
  columns: ['scope', 'list_id', 'day', 'n', 'money'],
  key: ['scope', 'list_id', 'day'],
  add: ['n', 'money'],
};

// The spans of the case after an event are the sums' `before` at its next event.
const held = new FoldMemo<WatchSpan[]>();

const spansFor = (c: KnownCase, from?: { before: CaseState; event: CaseEvent }): WatchSpan[] =>
  held.get(c) ?? held.set(c, spansOf(c, timelineOf(c, from)));

const rowOf = (caseId: string, seq: number, s: WatchSpan): SqlValue[] => [
  caseId,
  seq,
  s.list,
  s.unitId,
  s.from,
  s.to,
  s.money,
  s.remaining,
  s.standing,
  s.withConditionsSince,
];

/** A span a case no longer has (a correction, a kind recorded): an empty range of no list, never read. */
const goneRow = (c: KnownCase, seq: number): SqlValue[] => [c.caseId, seq, '', '', '', '', 0, 0, '', null];

const sumsKey = (s: WatchSpan) => `${s.list}\u0000${s.unitId}\u0000${s.from}\u0000${s.to}\u0000${s.money}`;

/**
 * The watch lists and the outlook's open cases as spans of days (watch-spans.ts): for each case,
 * when it is on each list, in which unit, with what money, so that a list as of any day is read
 * by index: its count and money from the daily sums (`watch_daily`, for the unit and each unit
 * above it, like the statistics ledger's), its page from the spans running on the day, most money
 * first. A pass over every case of a unit took seconds for a province (docs/watchlists.md,
 * Latency). The spans are of the case as it stands: "as known at" an earlier instant is answered
 * from the ledger's moves instead (cases-at.ts).
 */
export const watchSpansProjection = (): Projection => {
  const scopes = new UnitScopes();
  const addSpan = (out: RowWrites, s: WatchSpan, sign: 1 | -1) => {
    // The units above the case's own: its own unit counts it from the spans themselves.
    const above = scopes.of(s.unitId);
    for (let i = 1; i < above.length; i++) {
      out.increment(WATCH_DAILY, [above[i], s.list, s.from, sign, sign === 1 ? s.money : -s.money]);
      if (s.to !== OPEN_END)
        out.increment(WATCH_DAILY, [above[i], s.list, s.to, -sign, sign === 1 ? -s.money : s.money]);
    }
  };
  return {
    name: 'watch-spans',
    version: 1,
    tables: ['watch_spans', 'watch_daily'],
    schema: (t: DdlTypes) => `CREATE TABLE IF NOT EXISTS watch_spans (
      case_id ${t.ordered} NOT NULL, seq INTEGER NOT NULL, list_id TEXT NOT NULL, unit_id TEXT NOT NULL,
      from_day TEXT NOT NULL, to_day TEXT NOT NULL, money ${t.int64} NOT NULL, remaining ${t.int64} NOT NULL,
      standing TEXT NOT NULL, since TEXT, PRIMARY KEY (case_id, seq)) ${t.clustered};
    CREATE INDEX IF NOT EXISTS watch_spans_unit ON watch_spans (list_id, unit_id, from_day, to_day, money);
    CREATE INDEX IF NOT EXISTS watch_spans_money ON watch_spans (list_id, money DESC, case_id, from_day, to_day, unit_id);
    CREATE TABLE IF NOT EXISTS watch_daily (
      scope TEXT NOT NULL, list_id TEXT NOT NULL, day TEXT NOT NULL, n ${t.int64} NOT NULL, money ${t.int64} NOT NULL,
      PRIMARY KEY (scope, list_id, day)) ${t.clustered}`,
    load: (store) => scopes.load(store),
    apply: (_out: RowWrites, { recorded, case: folded }: ProjectedEvent) => {
      if (recorded.type === UNIT_REGISTERED) scopes.register(recorded.data as unknown as UnitRegisteredData);
      // The case's timeline grown from the one before the event, not folded again (case-timeline.ts).
      if (folded) growTimeline(folded.after, folded);
    },
    // The case's spans, its rows (runtime/projection.ts CaseRows).
    caseRows: {
      table: WATCH_SPANS,
      rows: (c: KnownCase) => spansFor(c).map((s, seq) => rowOf(c.caseId, seq, s)),
      emptied: goneRow,
    },
    sums: {
      // The spans the event took away, and those it made: a new step mostly ends the spans
      // running and starts others.
      add: (out: RowWrites, { case: folded }: ProjectedEvent) => {
        if (!folded || folded.before === folded.after) return;
        const before = folded.before.status === 'known' ? spansFor(folded.before) : [];
        const unchanged = new Map<string, number>();
        for (const s of before) unchanged.set(sumsKey(s), (unchanged.get(sumsKey(s)) ?? 0) + 1);
        for (const s of spansFor(folded.after, folded)) {
          const left = unchanged.get(sumsKey(s)) ?? 0;
          if (left > 0) unchanged.set(sumsKey(s), left - 1);
          else addSpan(out, s, 1);
        }
        for (const s of before) {
          const left = unchanged.get(sumsKey(s)) ?? 0;
          if (left > 0) {
            unchanged.set(sumsKey(s), left - 1);
            addSpan(out, s, -1);
          }
        }
      },
      // After a rebuild: each unit's entries and exits by list and day, read by index a unit at a
      // time and added up for each unit above it. The units come in the order of the tree, so the
      // sums of a unit are complete, and written, once the units under it are done: memory holds
      // the sums of one chain of units, not of every unit.
      recompute: async (store: ReadStore) => {
        await scopes.load(store);
        const units = await store.all<{ unit_id: string }>('SELECT unit_id FROM statistics_units');
        const pathOf = (id: string) => `${[...scopes.of(id)].reverse().join('/')}/`;
        const ordered = units.map((u) => ({ id: u.unit_id, path: pathOf(u.unit_id) }));
        ordered.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        const lists = SPAN_RULES.flatMap((r) => [r.id, r.unknown]);
        const marks = lists.map(() => '?').join(', ');
        const open = new Map<string, RowWrites>();
        const flush = async (keep: (scope: string) => boolean) => {
          for (const [scope, out] of open)
            if (!keep(scope)) {
              await store.write(out.drain());
              open.delete(scope);
            }
        };
        for (const { id } of ordered) {
          // Every unit whose subtree this one is outside of is done.
          const chain = scopes.of(id);
          await flush((scope) => chain.includes(scope));
          const above = chain.slice(1);
          if (above.length === 0) continue;
          for (const day of ['from_day', 'to_day'] as const) {
            const rows = await store.all<{ list_id: string; day: string; n: SqlValue; money: SqlValue }>(
              `SELECT list_id, ${day} AS day, count(*) AS n, sum(money) AS money FROM watch_spans
               WHERE list_id IN (${marks}) AND unit_id = ? AND to_day > from_day AND ${day} < '${OPEN_END}'
               GROUP BY list_id, ${day}`,
              [...lists, id],
            );
            const sign = day === 'from_day' ? 1 : -1;
            for (const scope of above) {
              let out = open.get(scope);
              if (!out) open.set(scope, (out = new RowWrites()));
              for (const r of rows)
                out.increment(WATCH_DAILY, [scope, r.list_id, r.day, sign * Number(r.n), BigInt(sign) * big(r.money)]);
            }
          }
        }
        await flush(() => false);
      },
    },
  };
};
