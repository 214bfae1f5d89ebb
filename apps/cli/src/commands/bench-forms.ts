import {
  buildForm,
  BuiltForm,
  formInForce,
  formXlsx,
  openReadStore,
  reportingYearOf,
  UnitQueries,
} from '@thads/projections';
import { Args, intFlag, UsageError } from '../args';
import { CliContext } from '../context';
import { percentile } from './bench-reports';

const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const lastDayOfMonth = (day: string) =>
  new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).toISOString().slice(0, 10);

/**
 * `thads bench-forms [--runs N]`: time to build the nation's forms over the read models as they
 * stand (run `thads rebuild` first): 01 and 02 by province (with chủ động / theo yêu cầu) and 04 and
 * 05 by agency and enforcer, as JSON and as .xlsx, for the cumulative period ending with the month
 * of the latest move; the median of N runs in milliseconds.
 */
export const benchFormsCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const runs = intFlag(args, 'runs', 3);
  const store = openReadStore(ctx.config.readStore);
  try {
    const nation = (await new UnitQueries(store).list()).find((u) => !u.parentId);
    if (!nation) throw new UsageError('no units in the read store: import a history and run `thads rebuild` first');
    const [{ last }] = await store.all<{ last: string | null }>('SELECT max(day) AS last FROM statistics_moves');
    if (!last) throw new UsageError('no statistics in the read store');
    const to = lastDayOfMonth(last);
    const from = `${reportingYearOf(to) - 1}-10-01`;
    const [{ cases }] = await store.all<{ cases: number | string }>('SELECT count(*) AS cases FROM cases');
    const results: Record<string, { rows: number; jsonMs: number; xlsxMs: number; xlsxBytes: number }> = {};
    for (const id of ['01', '02', '04', '05']) {
      const def = formInForce(id, to) as BuiltForm | undefined;
      if (!def?.available) continue;
      const json: number[] = [];
      const xlsx: number[] = [];
      let rows = 0;
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const started = process.hrtime.bigint();
        const { form } = await buildForm(store, def, { unitId: nation.unitId, from, to });
        JSON.stringify(form);
        json.push(ms(started));
        const written = process.hrtime.bigint();
        bytes = (await formXlsx(form, { receiverName: 'Bộ Tư pháp', preparedOn: to })).length;
        // The xlsx figure is the whole download: the form built, then written.
        xlsx.push(json[json.length - 1] + ms(written));
        rows = form.rows.length;
      }
      const median = (v: number[]) =>
        Math.round(
          percentile(
            [...v].sort((a, b) => a - b),
            0.5,
          ),
        );
      results[id] = { rows, jsonMs: median(json), xlsxMs: median(xlsx), xlsxBytes: bytes };
    }
    ctx.out.write(
      `${JSON.stringify({ readStore: store.location, cases: Number(cases), unitId: nation.unitId, from, to, runs, forms: results })}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
};
