import { addDays, Reorganise } from '@thads/domain';
import { CaseScript, recordScript } from './random-history';
import { LedgerHarness, TODAY } from './ledger-harness';
import { reorganise } from './reorganise';

type Change = Omit<Reorganise, 'on' | 'today' | 'reorganisationId'>;

/**
 * Two ways the test units (ledger-harness.ts) are reorganised on 1 July, as in 2025
 * (docs/reorganisation.md): a province absorbing its neighbour under its own id, as every merge of
 * docs/data/provinces-2025.csv does, with two of its districts becoming one regional office; or two
 * provinces becoming a new one.
 */
export const MERGES: Record<'absorbed' | 'newProvince', Change[]> = {
  absorbed: [
    {
      kind: 'merge',
      predecessors: ['kg', 'kh'],
      successors: [{ unitId: 'kg', name: 'THADS tỉnh Kiên Giang', level: 'province', parentId: 'vn' }],
    },
    {
      kind: 'merge',
      predecessors: ['kg-pq', 'kg-ab'],
      successors: [{ unitId: 'kg-kv', name: 'Phòng THADS khu vực', level: 'district', parentId: 'kg' }],
    },
  ],
  newProvince: [
    {
      kind: 'merge',
      predecessors: ['kg', 'kh'],
      successors: [{ unitId: 'p-new', name: 'THADS tỉnh mới', level: 'province', parentId: 'vn' }],
    },
  ],
};

/** The reporting year of the merge: 9 months (ending the day before) and the whole year (ending after). */
export const periodsAround = (year: number) => ({
  nineMonths: { from: `${year - 1}-10-01`, to: `${year}-06-30` },
  year: { from: `${year - 1}-10-01`, to: `${year}-09-30` },
});

/** Random histories ending the day before `on` (a reorganisation is recorded before the steps after it). */
export const historyBefore = async (h: LedgerHarness, scripts: CaseScript[], on: string): Promise<string[]> => {
  await h.units();
  const ids = scripts.map((_, i) => `c${i}`);
  for (const [i, script] of scripts.entries()) await recordScript(h, ids[i], script, addDays(on, -1));
  return ids;
};

/** The merges of `changes` on `on`, each moving the open cases of the units it closes; returns how many moved. */
export const merge = async (h: LedgerHarness, changes: Change[], on: string, caseIds: string[]): Promise<number> => {
  let moved = 0;
  for (const [i, c] of changes.entries())
    moved += (await reorganise(h, { ...c, on, today: TODAY, reorganisationId: `r-${i}` }, caseIds)).transfers.length;
  return moved;
};
