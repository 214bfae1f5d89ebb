import { openReadStore } from '@thads/projections';

const TABLES = ['cases', 'case_steps', 'statistics_moves', 'statistics_daily', 'units', 'unit_targets'];

/** Every row of the read models at a location, in a stable order: for comparing with a rebuild. */
export const dumpReadModels = async (location: string): Promise<Record<string, unknown[]>> => {
  const read = openReadStore(location);
  const rows: Record<string, unknown[]> = {};
  for (const t of TABLES) rows[t] = await read.all(`SELECT * FROM ${t} ORDER BY 1, 2, 3, 4`);
  await read.close();
  return rows;
};
