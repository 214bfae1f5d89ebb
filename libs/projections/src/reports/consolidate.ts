import { rateHundredths, formatHundredths } from '../statistics/percent';
import { BuiltForm } from './forms';
import { BuiltReport } from './build-form';
import { ReportForm, ReportFormRow } from './form-shape';

const add = (def: BuiltForm, lines: ReadonlyArray<Record<string, string>>): Record<string, string> => {
  const sum = Object.fromEntries(
    def.columns
      .filter((c) => c.key !== 'rate')
      .map((c) => [c.key, lines.reduce((t, l) => t + BigInt(l[c.key] ?? '0'), 0n)]),
  );
  return Object.fromEntries(
    def.columns.map((c) => [
      c.key,
      c.key === 'rate'
        ? // From the printed figures: a subunit's exact đồng are not part of what it sent.
          formatHundredths(rateHundredths(sum.resolved ?? 0n, sum.withConditions ?? 0n))
        : sum[c.key].toString(),
    ]),
  );
};

/**
 * A higher level's form from what its subunits sent (tổng hợp từ báo cáo của đơn vị cấp dưới):
 * each subunit's row is the totals of its latest submission for the same form and period (its
 * chủ động / theo yêu cầu rows the sums of its own); a subunit that has sent nothing keeps
 * today's figures and is named in `notSubmitted`. The unit's own cases are today's.
 */
export const consolidate = (
  def: BuiltForm,
  today: BuiltReport,
  submitted: ReadonlyMap<string, { submissionId: string; report: ReportForm }>,
): ReportForm => {
  const rows: ReportFormRow[] = [];
  const notSubmitted: string[] = [];
  const form = today.form;
  for (let i = 0; i < form.rows.length; i++) {
    const row = form.rows[i];
    if (row.depth !== 0) continue;
    const parts = [];
    for (let j = i + 1; j < form.rows.length && form.rows[j].depth === 1; j++) parts.push(form.rows[j]);
    const sent = row.unitId !== form.unitId ? submitted.get(row.unitId) : undefined;
    if (row.unitId !== form.unitId && !sent) notSubmitted.push(row.unitId);
    if (!sent) {
      rows.push(row, ...parts);
      continue;
    }
    rows.push({ ...row, cells: { ...sent.report.totals } });
    for (const p of parts)
      rows.push({
        ...p,
        cells: add(
          def,
          sent.report.rows.filter((r) => r.depth === 1 && r.origin === p.origin).map((r) => r.cells),
        ),
      });
  }
  return {
    ...form,
    rows,
    totals: add(
      def,
      rows.filter((r) => r.depth === 0).map((r) => r.cells),
    ),
    consolidated: {
      basis: 'submitted',
      submissions: [...submitted].map(([unitId, s]) => ({ unitId, submissionId: s.submissionId })),
      notSubmitted,
    },
  };
};
