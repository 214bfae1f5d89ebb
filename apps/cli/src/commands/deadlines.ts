import { cancelNote, DEADLINE_STATUS_LABELS, loadCalendar, localDateInVietnam } from '@thads/application';
import { evaluateDeadlines, isLocalDate } from '@thads/domain';
import { CaseStepQueries, UnitQueries } from '@thads/projections';
import { Args, flag, UsageError } from '../args';
import { CliContext } from '../context';
import { currentReadModels } from '../read-models';

const vnDate = (d?: string) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '');

/** `thads deadlines --unit U [--as-of D] [--status S] [--format table|csv]`: the inspection list. */
export const deadlinesCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const unit = flag(args, 'unit');
  const asOf = flag(args, 'as-of') ?? localDateInVietnam(ctx.clock.now());
  const format = flag(args, 'format') ?? 'table';
  const status = flag(args, 'status');
  if (!unit)
    throw new UsageError(
      'usage: thads deadlines --unit U [--as-of YYYY-MM-DD] [--status open|overdue|met|late|cancelled] [--format table|csv]',
    );
  if (!isLocalDate(asOf)) throw new UsageError('--as-of must be a date YYYY-MM-DD');
  if (!['table', 'csv'].includes(format)) throw new UsageError('--format must be table or csv');
  const db = await currentReadModels(ctx);
  try {
    const units = await new UnitQueries(db).subtree(unit);
    if (units.length === 0) throw new UsageError(`unknown unit ${unit}`);
    const calendar = loadCalendar(ctx.config.calendarDir);
    const rows: string[][] = [];
    for await (const c of new CaseStepQueries(db).forUnits(units, asOf)) {
      for (const d of evaluateDeadlines(c.steps, asOf, calendar)) {
        if (status && d.status !== status) continue;
        rows.push([
          c.caseId,
          c.unitId,
          d.rule,
          d.title,
          `${d.legalBasis.law} ${d.legalBasis.article}`,
          `${d.trigger.step} ${vnDate(d.trigger.on)}`,
          vnDate(d.due),
          vnDate(d.satisfiedOn),
          DEADLINE_STATUS_LABELS[d.status] ?? d.status,
          String(d.daysLate ?? d.daysOverdue ?? ''),
          cancelNote(d),
        ]);
      }
    }
    const header = [
      'Việc',
      'Đơn vị',
      'Quy định',
      'Nội dung',
      'Căn cứ',
      'Phát sinh',
      'Hạn',
      'Thực hiện',
      'Tình trạng',
      'Số ngày trễ',
      'Lý do hủy',
    ];
    if (format === 'csv') {
      const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
      ctx.out.write(`\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`);
    } else {
      const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length))));
      const line = (r: string[]) => r.map((v, i) => v.slice(0, widths[i]).padEnd(widths[i])).join('  ');
      ctx.out.write(
        `${[line(header), ...rows.map(line)].join('\n')}\n${rows.length} thời hạn, đơn vị ${unit}, tại ngày ${vnDate(asOf)}\n`,
      );
    }
    return 0;
  } finally {
    await db.close();
  }
};
