import { SubmissionRuleViolation, submissionDecider, SubmitReportForm } from './submission-decider';

const submit = (n: number, reason?: string): SubmitReportForm => ({
  kind: 'submit',
  submissionId: `report-hn-01-2025-10-01-2025-12-31-${n}`,
  form: '01',
  unitId: 'hn',
  from: '2025-10-01',
  to: '2025-12-31',
  position: '42',
  ...(reason ? { reason } : {}),
  report: { rows: [] },
  on: '2026-01-05',
});

describe('report submission decider', () => {
  it('sends the first submission, then a resend only with a reason, naming the one it replaces', () => {
    const none = submissionDecider.initialState();
    const [first] = submissionDecider.decide(submit(0), none);
    expect(first).toEqual({
      type: 'ReportSubmitted',
      on: '2026-01-05',
      data: {
        submissionId: 'report-hn-01-2025-10-01-2025-12-31-0',
        form: '01',
        unitId: 'hn',
        from: '2025-10-01',
        to: '2025-12-31',
        position: '42',
        report: { rows: [] },
      },
    });
    const sent = submissionDecider.evolve(none, first);
    expect(() => submissionDecider.decide(submit(1), sent)).toThrow(SubmissionRuleViolation);
    const [again] = submissionDecider.decide(submit(1, 'sửa số liệu'), sent);
    expect(again.data).toMatchObject({ reason: 'sửa số liệu', replaces: 'report-hn-01-2025-10-01-2025-12-31-0' });
  });
});
