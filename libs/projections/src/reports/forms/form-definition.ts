import { MoneyKey } from '../../statistics/report-shape';

/** A column of a form: one report key of docs/architecture.md §6, or the sum of several. */
export interface FormColumn {
  /** The report key when the column is one (fixed: tests outside the project use them). */
  key: string;
  /** The column's number as printed under its heading. */
  number: number;
  label: string;
  /** The heading spanning this column and its neighbours with the same group (merged in print). */
  group?: string;
  /** The report keys added up; absent when the column is the report key `key` itself. */
  sumOf?: ReadonlyArray<MoneyKey>;
}

/** How a form's rows are chosen: the unit and its subunits, or the agency and its enforcers. */
export type FormRows = 'subunits' | 'enforcers';

/** A form the events carry what it needs for: built by the same code, whatever the regime. */
export interface BuiltForm {
  available: true;
  /** TT 05/2024's number as two digits (fixed). */
  id: string;
  regime: string;
  /** Period ends this form applies to (the regime in force on the period's end). */
  appliesFrom: string;
  appliesUntil?: string;
  title: string;
  /** Where the form comes from: the instrument and article. */
  basis: string;
  measure: 'cases' | 'money';
  /** The unit figures are printed in: việc, or nghìn đồng (money rounded, see rounding.ts). */
  unit: 'việc' | 'nghìn đồng';
  rows: FormRows;
  /** Each row split into chủ động (exOfficio) and theo yêu cầu (onRequest), beside the total. */
  splitByOrigin: boolean;
  /** Figures are cumulative from 1 October: a period may not cross two reporting years. */
  withinReportingYear: boolean;
  /** Whether the official column layout was read; when not, `layoutNote` says what it follows. */
  layoutKnown: boolean;
  layoutNote: string;
  columns: ReadonlyArray<FormColumn>;
  /** The identities between columns, in column keys ("total = carriedOver + newlyAccepted"). */
  identities: ReadonlyArray<string>;
}

/** A form of the regime that the events do not carry: listed, with why, never built. */
export interface UnbuiltForm {
  available: false;
  id: string;
  regime: string;
  appliesFrom: string;
  appliesUntil?: string;
  title: string;
  basis: string;
  why: string;
}

export type FormDefinition = BuiltForm | UnbuiltForm;
