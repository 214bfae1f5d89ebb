/** One row of a form as served: figures as strings, keyed by column key (docs/reports.md). */
export interface ReportFormRow {
  /** The agency the row belongs to (the unit itself for its own cases). */
  unitId: string;
  /** Stable within a form: `<unitId>`, `<unitId>/exOfficio`, `<unitId>/enforcer:<id>`. */
  rowKey: string;
  label: string;
  /** 0: a unit or agency; 1: its split (origin or enforcer). */
  depth: number;
  origin?: 'exOfficio' | 'onRequest';
  enforcerId?: string | null;
  cells: Record<string, string>;
}

export interface ReportFormColumn {
  key: string;
  number: number;
  label: string;
  group?: string;
}

/** GET /api/reports/{form} (fixed names: issue 25). */
export interface ReportForm {
  form: string;
  unitId: string;
  unitName: string;
  /** As in the statistics report: the units, besides those under the unit on `to`, whose figures it covers (its predecessors). */
  includes?: string[];
  from: string;
  to: string;
  regime: string;
  title: string;
  basis: string;
  /** việc or nghìn đồng. */
  unit: string;
  /** The log position or instant the figures were restricted to; null: all known now. */
  asKnownAt: string | null;
  layoutKnown: boolean;
  layoutNote: string;
  /** For money forms: how whole đồng became nghìn đồng (docs/reports.md "Rounding"). */
  rounding?: string;
  identities: string[];
  columns: ReportFormColumn[];
  rows: ReportFormRow[];
  totals: Record<string, string>;
  /** Built from the subunits' submitted figures: which submission each row is, and who has not submitted. */
  consolidated?: {
    basis: 'submitted';
    submissions: Array<{ unitId: string; submissionId: string }>;
    notSubmitted: string[];
  };
}
