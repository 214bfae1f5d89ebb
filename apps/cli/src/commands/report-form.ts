import { writeFileSync } from 'node:fs';
import { endOfLocalDay, localDateInVietnam, SystemClock } from '@thads/application';
import { isLocalDate } from '@thads/domain';
import {
  buildForm,
  FORM_IDS,
  formCsv,
  formHtml,
  formInForce,
  formXlsx,
  parseKnownAt,
  reportingYearOf,
  UnitQueries,
} from '@thads/projections';
import { Args, flag, UsageError } from '../args';
import { CliContext } from '../context';
import { currentReadModels } from '../read-models';

const USAGE =
  'usage: thads report --form 01|02|04|05 --unit U --from YYYY-MM-DD --to YYYY-MM-DD [--as-known-at T] [--format json|csv|html|xlsx] [--out FILE]';

/**
 * `thads report --form F …`: a statistical form of the regime in force on `--to` (docs/reports.md),
 * the same figures as GET /api/reports/{form}; xlsx needs `--out`.
 */
export const reportFormCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const [id, unitId, from, to, knownAtText, out] = ['form', 'unit', 'from', 'to', 'as-known-at', 'out'].map((name) =>
    flag(args, name),
  );
  const format = flag(args, 'format') ?? 'json';
  if (!id || !unitId || !from || !to) throw new UsageError(USAGE);
  if (!FORM_IDS.includes(id)) throw new UsageError(`unknown form ${id}: the forms are ${FORM_IDS.join(', ')}`);
  if (!isLocalDate(from) || !isLocalDate(to) || from > to)
    throw new UsageError('--from and --to must be dates YYYY-MM-DD, --from not after --to');
  if (!['json', 'csv', 'html', 'xlsx'].includes(format))
    throw new UsageError('--format must be json, csv, html or xlsx');
  if (format === 'xlsx' && !out) throw new UsageError('--format xlsx writes a file: add --out FILE.xlsx');
  const def = formInForce(id, to);
  if (!def) throw new UsageError(`no form ${id} is modelled for a period ending ${to}`);
  if (!def.available) throw new UsageError(`form ${id} cannot be built from the recorded events: ${def.why}`);
  if (def.withinReportingYear && reportingYearOf(from) !== reportingYearOf(to))
    throw new UsageError(`the period crosses reporting years: form ${id} is cumulative from 1 October`);
  const knownAt = knownAtText === undefined ? undefined : parseKnownAt(knownAtText, endOfLocalDay);
  if (knownAtText !== undefined && !knownAt)
    throw new UsageError('--as-known-at must be a log position, an ISO-8601 instant or a date YYYY-MM-DD');
  const db = await currentReadModels(ctx);
  try {
    const units = new UnitQueries(db);
    const unit = await units.find(unitId);
    if (!unit) throw new UsageError(`unknown unit ${unitId}`);
    const parent = unit.parentId ? await units.find(unit.parentId) : undefined;
    const print = {
      receiverName: parent?.name ?? 'Bộ Tư pháp',
      preparedOn: localDateInVietnam(new SystemClock().now()),
    };
    const { form } = await buildForm(db, def, { unitId, from, to, knownAt });
    const content =
      format === 'xlsx'
        ? await formXlsx(form, print)
        : format === 'csv'
          ? formCsv(form, print)
          : format === 'html'
            ? formHtml(form, print)
            : `${JSON.stringify(form, null, 2)}\n`;
    if (out) {
      writeFileSync(out, content);
      ctx.out.write(`${JSON.stringify({ form: id, unitId, from, to, format, out, rows: form.rows.length })}\n`);
    } else ctx.out.write(content);
    return 0;
  } finally {
    await db.close();
  }
};
