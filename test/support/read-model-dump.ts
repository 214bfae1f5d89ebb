import { openReadStore, ReadStore } from '@thads/projections';

const TABLES = [
  'cases',
  'case_steps',
  'statistics_moves',
  'statistics_daily',
  'statistics_origin_daily',
  'statistics_enforcer_daily',
  'statistics_enforcer_yearly',
  'units',
  'unit_targets',
  'deadline_rows',
  'watch_facts',
  'watch_spans',
  'watch_daily',
];
/** Sums kept by adding: a row may be left at zero (a batch's end, a case moved to another enforcer). */
const SUMS = new Set([
  'statistics_daily',
  'statistics_origin_daily',
  'statistics_enforcer_daily',
  'statistics_enforcer_yearly',
  'watch_daily',
]);

/**
 * Every row of the read models at a location (or in a store), in a stable order: for comparing
 * with a rebuild. A sum of zero is left out: whether such a row exists depends only on where
 * batches happened to end (additions that cancel out within one are never written), or, by
 * enforcer, on whether a case left that enforcer live or was replayed already with the next; and
 * so is a deadline row or a watch span a correction emptied live (deadlines.projection.ts,
 * watch-spans.projection.ts), which a replay never writes.
 * `withCaseFolds` adds the saved case folds the live projector goes on from.
 */
export const dumpReadModels = async (
  at: string | ReadStore,
  options: { withCaseFolds?: boolean } = {},
): Promise<Record<string, string[]>> => {
  const read = typeof at === 'string' ? openReadStore(at) : at;
  const rows: Record<string, string[]> = {};
  for (const t of [...TABLES, ...(options.withCaseFolds ? ['case_snapshots'] : [])]) {
    const where = SUMS.has(t)
      ? ' WHERE n <> 0 OR money <> 0'
      : t === 'deadline_rows'
        ? " WHERE state <> 'gone'"
        : t === 'watch_spans'
          ? " WHERE list_id <> ''"
          : '';
    rows[t] = (await read.all(`SELECT * FROM ${t}${where}`))
      .map((r) => JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? v.toString() : v)))
      .sort();
  }
  if (typeof at === 'string') await read.close();
  return rows;
};
