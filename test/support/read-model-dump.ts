import { openReadStore, ReadStore } from '@thads/projections';

const TABLES = [
  'cases',
  'case_steps',
  'statistics_moves',
  'statistics_daily',
  'units',
  'unit_targets',
  'deadline_rows',
];

/**
 * Every row of the read models at a location (or in a store), in a stable order: for comparing
 * with a rebuild. A daily sum of zero is left out: whether such a row exists depends only on
 * where batches happened to end (additions that cancel out within one are never written), and
 * so is an emptied deadline row.
 * `withCaseFolds` adds the saved case folds the live projector goes on from.
 */
export const dumpReadModels = async (
  at: string | ReadStore,
  options: { withCaseFolds?: boolean } = {},
): Promise<Record<string, string[]>> => {
  const read = typeof at === 'string' ? openReadStore(at) : at;
  const rows: Record<string, string[]> = {};
  for (const t of [...TABLES, ...(options.withCaseFolds ? ['case_snapshots'] : [])]) {
    // A row a correction emptied live (deadlines.projection.ts) is one a replay never writes.
    const where =
      t === 'statistics_daily' ? ' WHERE n <> 0 OR money <> 0' : t === 'deadline_rows' ? " WHERE state <> 'gone'" : '';
    rows[t] = (await read.all(`SELECT * FROM ${t}${where}`))
      .map((r) => JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? v.toString() : v)))
      .sort();
  }
  if (typeof at === 'string') await read.close();
  return rows;
};
