import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../../apps/cli/src/args';
import { deadlinesCommand } from '../../apps/cli/src/commands/deadlines';
import { importCommand } from '../../apps/cli/src/commands/import';
import { cliContext } from './cli-harness';

describe('thads deadlines', () => {
  it('lists a unit’s deadlines as of a date, as a table or CSV', async () => {
    const cli = cliContext();
    const file = join(cli.dir, 'in.jsonl');
    writeFileSync(file, [
      { unit: { unitId: 'vn', name: 'Cục', level: 'central' } },
      { unit: { unitId: 'kg', name: 'Kiên Giang', level: 'province', parentId: 'vn' } },
      { step: 'receive', caseId: 'd-1', unitId: 'kg', origin: 'onRequest', on: '2025-01-24', judgment: { court: 'TAND', number: '1/2024', date: '2024-12-01' }, creditor: { name: 'A' }, debtor: { name: 'B' }, amountDue: '1000000' },
      { step: 'decide', caseId: 'd-1', on: '2025-02-10' },
    ].map((l) => JSON.stringify(l)).join('\n'));
    await importCommand(parseArgs(['import', file]), cli.ctx);
    const before = cli.out.text().length;
    expect(await deadlinesCommand(parseArgs(['deadlines', '--unit', 'vn', '--as-of', '2025-02-28', '--status', 'late', '--format', 'csv']), cli.ctx)).toBe(0);
    const csv = cli.out.text().slice(before);
    expect(csv).toMatch(/d-1,kg,decide-on-request,.*07\/02\/2025,10\/02\/2025,muộn,3/);
    await expect(deadlinesCommand(parseArgs(['deadlines', '--unit', 'vn', '--as-of', 'yesterday']), cli.ctx)).rejects.toThrow(/as-of/);
    await cli.close();
  });
});
