import { assertNever } from '../assert-never';
import { Decider } from '../deciding';
import { LocalDate } from '../local-date';
import { REPORT_SUBMITTED, SubmissionEvent } from './submission-events';

/** A report stream folded: nothing sent yet, or the latest submission's id. */
export type SubmissionState = { status: 'none' } | { status: 'sent'; last: string };

/**
 * Send a form for a period: the figures (`report`) as built at log `position`, under the id
 * `submissionId` (its stream and revision). `on` is the local date of the clock.
 */
export interface SubmitReportForm {
  kind: 'submit';
  submissionId: string;
  form: string;
  unitId: string;
  from: string;
  to: string;
  position: string;
  reason?: string;
  report: unknown;
  on: LocalDate;
}

export type SubmissionCommand = SubmitReportForm;

/** A report command breaks a rule (409). */
export class SubmissionRuleViolation extends Error {
  override readonly name = 'SubmissionRuleViolation';
  constructor(
    readonly rule: 'report.already-submitted',
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Sending again needs a reason (gửi lại báo cáo phải nêu lý do; docs/reports.md "Submitting").
 * Judged before the figures are built, and again when deciding.
 */
export const assertResendHasReason = (
  state: SubmissionState,
  command: Pick<SubmitReportForm, 'form' | 'unitId' | 'from' | 'to' | 'reason'>,
): void => {
  if (state.status === 'sent' && !command.reason)
    throw new SubmissionRuleViolation(
      'report.already-submitted',
      `form ${command.form} of unit ${command.unitId} for ${command.from}..${command.to} was sent as ${state.last}: sending it again needs a reason (gửi lại báo cáo phải nêu lý do)`,
    );
};

const decide = (command: SubmissionCommand, state: SubmissionState): SubmissionEvent[] => {
  switch (command.kind) {
    case 'submit': {
      assertResendHasReason(state, command);
      const { submissionId, form, unitId, from, to, position, reason, report } = command;
      return [
        {
          type: REPORT_SUBMITTED,
          on: command.on,
          data: {
            submissionId,
            form,
            unitId,
            from,
            to,
            position,
            ...(reason ? { reason } : {}),
            ...(state.status === 'sent' ? { replaces: state.last } : {}),
            report,
          },
        },
      ];
    }
    default:
      return assertNever(command.kind);
  }
};

/** The rules of a report stream (`report-<unit>-<form>-<from>-<to>`): none is ever changed, a resend replaces. */
export const submissionDecider: Decider<SubmissionCommand, SubmissionEvent, SubmissionState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) => ({ status: 'sent', last: event.data.submissionId }),
  decide,
};
