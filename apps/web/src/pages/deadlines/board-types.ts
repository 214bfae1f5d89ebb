/** GET /api/deadlines: one deadline of one case with its case, unit and enforcer (apps/api/src/deadlines/deadline-responses.ts). */
export interface BoardItem {
  caseId: string;
  unitId: string;
  enforcerId: string | null;
  rule: string;
  title: string;
  legalBasis: { law: string; article: string };
  startsOn: string;
  due: string;
  status: DeadlineStatus;
  daysOverdue?: number;
  daysLate?: number;
}

export interface BoardPage {
  total: number;
  limit: number;
  offset: number;
  asOf: string;
  items: BoardItem[];
}

export const DEADLINE_STATUSES = ['overdue', 'late', 'open', 'met', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** GET /api/deadlines/by-unit: counts by status, one row for the unit's own cases and one per unit under it. */
export interface UnitCounts extends Record<DeadlineStatus, number> {
  unitId: string;
  name: string;
  scope: 'own' | 'subtree';
  total: number;
}
export interface ByUnit {
  asOf: string;
  units: UnitCounts[];
}

/** GET /api/deadlines/rules: the rules of every regime (the board filters by id). */
export interface RuleRow {
  id: string;
  title: string;
  regime: string;
  legalBasis?: { article: string };
}
