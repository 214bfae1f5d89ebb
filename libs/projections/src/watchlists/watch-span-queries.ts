import { CreditorKind, JudgmentKind, LocalDate } from '@thads/domain';
import { reportScope } from '../statistics/report-scope';
import { big, int, ReadStore, SqlValue } from '../store/read-store';
import { CaseAtRow, Standing, WatchFactColumns } from './cases-at';
import { AssetFact } from './watch-facts.projection';
import { SPAN_RULES } from './watch-spans';

/** Every list the spans keep, and their cases of unknown kind. */
const SPAN_LISTS = SPAN_RULES.flatMap((r) => [r.id, r.unknown]);

/** A list's cases and money on a day. */
export interface ListCount {
  n: number;
  money: bigint;
}

/** A list's member on the day, with its share of the list's money. */
export interface SpanMember {
  case: CaseAtRow;
  money: bigint;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * Reads the watch spans (watch-spans.projection.ts) of a set of units (a unit's subtree) as of a
 * day. When the set is exactly the registered subtrees of some of its units (report-scope.ts, as
 * the statistics report reads its own daily sums), counts come from those units' daily sums (their
 * subunits' cases) and their own spans; when a reorganisation moved a unit out from under
 * another, from the spans of every unit of the set.
 */
export class WatchSpanQueries {
  constructor(private readonly store: ReadStore) {}

  /** Each list's count and money on each of `days`: `result.get(list)[i]` is on `days[i]`. */
  async counts(unitIds: ReadonlyArray<string>, days: ReadonlyArray<LocalDate>): Promise<Map<string, ListCount[]>> {
    const out = new Map<string, ListCount[]>();
    const add = (list: string, i: number, n: SqlValue, money: SqlValue) => {
      let row = out.get(list);
      if (!row) out.set(list, (row = days.map(() => ({ n: 0, money: 0n }))));
      row[i].n += int(n);
      row[i].money += big(money);
    };
    if (unitIds.length === 0 || days.length === 0) return out;
    const scope = await reportScope(this.store, unitIds);
    const last = days.reduce((a, b) => (a > b ? a : b));
    // The spans of these units themselves, on each day.
    const own = async (units: ReadonlyArray<string>) => {
      const sums = days.map(
        (_, i) =>
          `sum(CASE WHEN from_day <= ? AND to_day > ? THEN 1 ELSE 0 END) AS n${i}, ` +
          `sum(CASE WHEN from_day <= ? AND to_day > ? THEN money ELSE 0 END) AS m${i}`,
      );
      const rows = await this.store.all<Record<string, SqlValue>>(
        `SELECT list_id, ${sums.join(', ')} FROM watch_spans
         WHERE list_id IN (${marks(SPAN_LISTS.length)}) AND unit_id IN (${marks(units.length)}) AND from_day <= ?
         GROUP BY list_id`,
        [...days.flatMap((d) => [d, d, d, d]), ...SPAN_LISTS, ...units, last],
      );
      for (const r of rows) days.forEach((_, i) => add(r.list_id as string, i, r[`n${i}`], r[`m${i}`]));
    };
    if ('moves' in scope) {
      await own(unitIds);
      return out;
    }
    // The units under the tops, from their daily sums (kept for every unit above a case's own).
    const sums = days.map(
      (_, i) =>
        `sum(CASE WHEN day <= ? THEN n ELSE 0 END) AS n${i}, sum(CASE WHEN day <= ? THEN money ELSE 0 END) AS m${i}`,
    );
    const rows = await this.store.all<Record<string, SqlValue>>(
      `SELECT list_id, ${sums.join(', ')} FROM watch_daily
       WHERE scope IN (${marks(scope.daily.length)}) AND day <= ? GROUP BY list_id`,
      [...days.flatMap((d) => [d, d]), ...scope.daily, last],
    );
    for (const r of rows) days.forEach((_, i) => add(r.list_id as string, i, r[`n${i}`], r[`m${i}`]));
    await own(scope.daily);
    return out;
  }

  /** The list's cases on the day in every unit: how many rows a scan in money order meets. */
  private async everywhere(list: string, day: LocalDate): Promise<number> {
    const roots = await this.store.all<{ unit_id: string }>(
      'SELECT unit_id FROM statistics_units WHERE parent_id IS NULL',
    );
    const counts = await this.counts(
      roots.map((r) => r.unit_id),
      [day],
    );
    return counts.get(list)?.[0].n ?? 0;
  }

  /**
   * The list's members on the day in these units, most money first (then by case id), from
   * `offset`: `total` is how many there are (counts()). Two ways, whichever reads fewer rows: the
   * units' own spans, sorted; or the list's spans in money order (an index), the units' kept, until
   * the page is full. `every` says the units are all there are (no unit to keep).
   */
  async page(
    list: string,
    q: {
      unitIds: ReadonlyArray<string>;
      every: boolean;
      asOf: LocalDate;
      limit: number;
      offset: number;
      total: number;
    },
  ): Promise<SpanMember[]> {
    if (q.limit <= 0 || q.offset >= q.total) return [];
    const want = q.offset + q.limit;
    type Key = { case_id: string; seq: SqlValue; unit_id: string };
    let keys: Key[];
    const ordered = (limit: number, offset = 0) =>
      this.store.all<Key>(
        `SELECT case_id, seq, unit_id FROM watch_spans WHERE list_id = ? AND from_day <= ? AND to_day > ?
         ORDER BY money DESC, case_id LIMIT ? OFFSET ?`,
        [list, q.asOf, q.asOf, limit, offset],
      );
    if (q.every) keys = await ordered(q.limit, q.offset);
    else {
      const all = await this.everywhere(list, q.asOf);
      // In money order, one row in (all / total) is the units'.
      let scan = Math.ceil((want * all) / Math.max(q.total, 1) + 50);
      if (scan < 3 * q.total) {
        const inside = new Set(q.unitIds);
        for (;;) {
          const rows = await ordered(scan);
          const kept = rows.filter((r) => inside.has(r.unit_id));
          if (kept.length >= want || rows.length < scan) {
            keys = kept.slice(q.offset, want);
            break;
          }
          scan *= 2;
        }
      } else
        keys = await this.store.all<Key>(
          `SELECT case_id, seq, unit_id FROM watch_spans
           WHERE list_id = ? AND unit_id IN (${marks(q.unitIds.length)}) AND from_day <= ? AND to_day > ?
           ORDER BY money DESC, case_id LIMIT ? OFFSET ?`,
          [list, ...q.unitIds, q.asOf, q.asOf, q.limit, q.offset],
        );
    }
    return this.members(keys, q.asOf);
  }

  /** The spans named, with what the case is about (watch_facts) and its assets by the day. */
  private async members(
    keys: ReadonlyArray<{ case_id: string; seq: SqlValue }>,
    asOf: LocalDate,
  ): Promise<SpanMember[]> {
    if (keys.length === 0) return [];
    const ids = [...new Set(keys.map((k) => k.case_id))];
    type Row = {
      case_id: string;
      seq: SqlValue;
      unit_id: string;
      money: SqlValue;
      remaining: SqlValue;
      standing: Standing;
      since: string | null;
    } & WatchFactColumns;
    const rows = await this.store.all<Row>(
      `SELECT s.case_id, s.seq, s.unit_id, s.money, s.remaining, s.standing, s.since,
          f.creditor_kind, f.judgment_kind, f.steering, f.due, f.assets
       FROM watch_spans s LEFT JOIN watch_facts f ON f.case_id = s.case_id
       WHERE s.case_id IN (${marks(ids.length)})`,
      ids,
    );
    const bySpan = new Map(rows.map((r) => [`${r.case_id}\u0000${int(r.seq)}`, r]));
    return keys.map((k): SpanMember => {
      const r = bySpan.get(`${k.case_id}\u0000${int(k.seq)}`)!;
      const active = r.standing !== 'completed';
      return {
        money: big(r.money),
        case: {
          caseId: r.case_id,
          unitId: r.unit_id,
          standing: r.standing,
          active,
          withConditions: r.standing === 'inProgress' || r.standing === 'postponed' || r.standing === 'suspended',
          completed: !active,
          ...(r.since ? { withConditionsSince: r.since } : {}),
          remaining: big(r.remaining),
          due: big(r.due),
          ...(r.creditor_kind ? { creditorKind: r.creditor_kind as CreditorKind } : {}),
          ...(r.judgment_kind ? { judgmentKind: r.judgment_kind as JudgmentKind } : {}),
          ...(r.steering !== null && r.steering !== undefined ? { steeringCommittee: big(r.steering) === 1n } : {}),
          assets: r.assets ? (JSON.parse(r.assets) as AssetFact[]).filter((f) => f[1] <= asOf) : [],
        },
      };
    });
  }
}
