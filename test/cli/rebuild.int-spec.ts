import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoLines } from '@thads/application';
import { openDatabase } from '@thads/event-store';
import { parseArgs } from '../../apps/cli/src/args';
import { importCommand } from '../../apps/cli/src/commands/import';
import { rebuildCommand } from '../../apps/cli/src/commands/rebuild';
import { cliContext } from './cli-harness';

describe('thads rebuild', () => {
  it('replays the log into empty read models; rebuilding one alone gives the same rows again', async () => {
    const cli = cliContext();
    const file = join(cli.dir, 'demo.jsonl');
    const lines = [...demoLines('2026-11-22', { cases: 60 })];
    writeFileSync(file, lines.join('\n'));
    // Each entrustment gives the receiving unit a case of its own (`<id>.ut`, Luật THADS Điều 57).
    const entrusted = lines.filter((line) => JSON.parse(line).step === 'entrust').length;
    await importCommand(parseArgs(['import', file]), cli.ctx);
    expect(await rebuildCommand(parseArgs(['rebuild']), cli.ctx)).toBe(0);
    const db = openDatabase(cli.ctx.config.readStore);
    const first = db.prepare('SELECT case_id, state, collected FROM cases ORDER BY case_id').all();
    db.close();
    expect(first.length).toBe(60 + entrusted);
    expect(await rebuildCommand(parseArgs(['rebuild', 'case-list']), cli.ctx)).toBe(0);
    const again = openDatabase(cli.ctx.config.readStore);
    expect(again.prepare('SELECT case_id, state, collected FROM cases ORDER BY case_id').all()).toEqual(first);
    again.close();
    expect(cli.out.text()).toMatch(/"rebuilt":\["case-list"\]/);
    await cli.close();
  });

  it('refuses an unknown projection', async () => {
    const cli = cliContext();
    await expect(rebuildCommand(parseArgs(['rebuild', 'nope']), cli.ctx)).rejects.toThrow(/unknown projection nope/);
    await cli.close();
  });
});
