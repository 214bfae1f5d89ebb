import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoLines } from '@thads/application';
import { ReportForm } from '@thads/projections';
import { formFailures, xlsxDifferences } from '../../libs/projections/src/reports/testing/form-checks';
import { parseArgs } from '../../apps/cli/src/args';
import { importCommand } from '../../apps/cli/src/commands/import';
import { reportCommand } from '../../apps/cli/src/commands/report';
import { cliContext } from './cli-harness';

describe('thads report --form', () => {
  it('writes a form as JSON and as .xlsx with the same cells, and refuses bad input', async () => {
    const cli = cliContext();
    try {
      const file = join(cli.dir, 'history.jsonl');
      writeFileSync(file, [...demoLines('2026-11-22', { cases: 300, seed: 11 })].join('\n'));
      await importCommand(parseArgs(['import', file]), cli.ctx);
      const period = ['--unit', 'vn', '--from', '2025-10-01', '--to', '2026-06-30'];
      for (const id of ['01', '02', '04', '05']) {
        const before = cli.out.text().length;
        expect(await reportCommand(parseArgs(['report', '--form', id, ...period]), cli.ctx)).toBe(0);
        const json = JSON.parse(cli.out.text().slice(before)) as ReportForm;
        expect([id, formFailures(json)]).toEqual([id, []]);
        const out = join(cli.dir, `bieu-${id}.xlsx`);
        expect(
          await reportCommand(
            parseArgs(['report', '--form', id, ...period, '--format', 'xlsx', '--out', out]),
            cli.ctx,
          ),
        ).toBe(0);
        expect([id, await xlsxDifferences(readFileSync(out), json)]).toEqual([id, []]);
        if (id === '01') expect(json.totals.total).not.toBe('0');
      }
      await expect(reportCommand(parseArgs(['report', '--form', '99', ...period]), cli.ctx)).rejects.toThrow(
        /unknown form 99/,
      );
      await expect(reportCommand(parseArgs(['report', '--form', '03', ...period]), cli.ctx)).rejects.toThrow(
        /cannot be built/,
      );
      await expect(
        reportCommand(
          parseArgs(['report', '--form', '01', '--unit', 'vn', '--from', '2025-09-01', '--to', '2026-03-31']),
          cli.ctx,
        ),
      ).rejects.toThrow(/crosses reporting years/);
      await expect(
        reportCommand(parseArgs(['report', '--form', '01', ...period, '--format', 'xlsx']), cli.ctx),
      ).rejects.toThrow(/--out/);
    } finally {
      await cli.close();
    }
  });
});
