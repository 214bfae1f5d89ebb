import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect } from '@thads/event-store';
import { CaseListQueries, checkpoints, openReadStore } from '@thads/projections';
import { parseArgs } from '../../apps/cli/src/args';
import { importCommand } from '../../apps/cli/src/commands/import';
import { exportCommand } from '../../apps/cli/src/commands/export';
import { cliContext } from './cli-harness';

const lines = [
  { unit: { unitId: 'vn', name: 'Cục', level: 'central' } },
  { unit: { unitId: 'kg', name: 'Kiên Giang', level: 'province', parentId: 'vn' } },
  {
    step: 'receive',
    caseId: 'i-1',
    unitId: 'kg',
    origin: 'exOfficio',
    on: '2025-01-06',
    judgment: { court: 'TAND', number: '1/2024', date: '2024-12-01' },
    creditor: { name: 'Ngân sách' },
    debtor: { name: 'B' },
    amountDue: '1000000',
  },
  { step: 'decide', caseId: 'i-1', on: '2025-01-08' },
  { step: 'seize', caseId: 'i-1', on: '2025-01-09' },
  'this is not json',
  { step: 'verify', caseId: 'i-1', on: '2025-01-20' },
  {
    step: 'receive',
    caseId: 'i-2',
    unitId: 'nowhere',
    origin: 'exOfficio',
    on: '2025-01-06',
    judgment: { court: 'TAND', number: '2/2024', date: '2024-12-01' },
    creditor: { name: 'A' },
    debtor: { name: 'B' },
    amountDue: '5',
  },
  { step: 'collect', caseId: 'i-1', on: '2025-01-21', amount: 'lots' },
  {
    step: 'classify',
    caseId: 'i-1',
    on: '2025-01-22',
    class: 'withConditions',
    actor: { id: 'chv-3', role: 'enforcer', unitId: 'kg' },
  },
];

describe('thads import', () => {
  it('applies lines in order, reports rejected ones with line numbers and codes, and goes on', async () => {
    const cli = cliContext();
    const file = join(cli.dir, 'in.jsonl');
    writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
    expect(await importCommand(parseArgs(['import', file]), cli.ctx)).toBe(0);
    const summary = JSON.parse(cli.out.text());
    expect(summary).toMatchObject({ lines: 10, applied: 6, rejected: 4 });
    expect(summary.rejections.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [5, 'case.step-not-allowed'],
      [6, 'validation'],
      [8, 'unit.not-found'],
      [9, 'validation'],
    ]);
    expect(cli.err.text()).toMatch(/line 5: case.step-not-allowed/);
    const events = await collect(cli.ctx.store.readStream('case-i-1'));
    expect(events.map((e) => e.type)).toEqual([
      'CaseReceived',
      'EnforcementDecided',
      'MeansVerified',
      'CaseClassified',
    ]);
    expect((events[3].metadata as { actor: unknown }).actor).toEqual({ id: 'chv-3', role: 'enforcer', unitId: 'kg' });
    // The read models are current when the import ends: nothing left for a server to catch up.
    const read = openReadStore(cli.ctx.config.readStore);
    expect(await checkpoints.slowest(read)).toBe(await cli.ctx.store.headPosition());
    expect((await new CaseListQueries(read).page({ unitIds: ['kg'], limit: 10, offset: 0 })).total).toBe(1);
    await read.close();
    await cli.close();
  });

  it('appends nothing twice when the same file is imported again', async () => {
    const cli = cliContext();
    const file = join(cli.dir, 'in.jsonl');
    writeFileSync(
      file,
      lines
        .slice(0, 4)
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    await importCommand(parseArgs(['import', file]), cli.ctx);
    const head = await cli.ctx.store.headPosition();
    await importCommand(parseArgs(['import', file]), cli.ctx);
    expect(await cli.ctx.store.headPosition()).toBe(head);
    await cli.close();
  });

  it('exports the log as JSONL in global order', async () => {
    const cli = cliContext();
    const file = join(cli.dir, 'in.jsonl');
    writeFileSync(
      file,
      lines
        .slice(0, 4)
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    await importCommand(parseArgs(['import', file]), cli.ctx);
    const out = join(cli.dir, 'log.jsonl');
    await exportCommand(parseArgs(['export', '--out', out]), cli.ctx);
    const exported = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l: string) => JSON.parse(l));
    expect(exported.map((e: { type: string }) => e.type)).toEqual([
      'UnitRegistered',
      'UnitRegistered',
      'CaseReceived',
      'EnforcementDecided',
    ]);
    expect(exported.map((e: { position: number }) => e.position)).toEqual([1, 2, 3, 4]);
    // The whole log, with the parties' names: its owner's only, as the data files are.
    expect(statSync(out).mode & 0o777).toBe(0o600);
    await cli.close();
  });
});
