import { openReadStore } from '@thads/projections';

const TABLES = ['cases', 'case_steps', 'case_step_list', 'statistics_moves', 'statistics_daily', 'units', 'unit_targets'];

/** Every row of the read models at a location, in a stable order: for comparing with a rebuild. */
export const dumpReadModels = async (location: string): Promise<Record<string, string[]>> => {
  const read = openReadStore(location);
  const rows: Record<string, string[]> = {};
  for (const t of TABLES) {
    rows[t] = (await read.all(`SELECT * FROM ${t}`)).map((r) => JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? v.toString() : v))).sort();
  }
  await read.close();
  return rows;
};
