import { DomainEvent } from '../events';

/**
 * A report form sent up the chain (gửi báo cáo, chốt số liệu): the figures exactly as sent, the
 * log position they were computed at, on a stream of its own per unit, form and period. It is
 * appended with the same envelope and hash chain as a case step and never edited; sending again
 * is a new event with a reason, kept beside the first (docs/reports.md "Submitting").
 */
export const REPORT_SUBMITTED = 'ReportSubmitted';

/** `Report` is the form as built (ReportForm in libs/projections): the domain keeps it as sent. */
export interface ReportSubmittedData<Report = unknown> {
  submissionId: string;
  form: string;
  unitId: string;
  from: string;
  to: string;
  /** The log position the figures were computed at (asKnownAt), as a decimal string. */
  position: string;
  /** Required from the second submission on (gửi lại báo cáo). */
  reason?: string;
  /** The submission this one replaces for the same form and period, if any. */
  replaces?: string;
  report: Report;
}

export type ReportSubmitted = DomainEvent<typeof REPORT_SUBMITTED, ReportSubmittedData>;
export type SubmissionEvent = ReportSubmitted;

export const reportStream = (unitId: string, form: string, from: string, to: string) =>
  `report-${unitId}-${form}-${from}-${to}`;

/** `report-<unit>-<form>-<from>-<to>-<n>`: the stream and the submission's revision in it (0: first). */
export const submissionIdOf = (stream: string, revision: number) => `${stream}-${revision}`;

const ID = /^report-(.+)-(\d{2})-(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2})-(\d{1,6})$/;

export const parseSubmissionId = (
  id: string,
): { stream: string; revision: number; unitId: string; form: string } | undefined => {
  const m = ID.exec(id);
  if (!m) return undefined;
  return { stream: reportStream(m[1], m[2], m[3], m[4]), revision: Number(m[5]), unitId: m[1], form: m[2] };
};
