import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoLines } from '@thads/application';
import { collect } from '@thads/event-store';
import { parseArgs } from '../../apps/cli/src/args';
import { generateCommand } from '../../apps/cli/src/commands/generate';
import { importCommand } from '../../apps/cli/src/commands/import';
import { importLines } from '../support/import-once';
import { cliContext } from './cli-harness';

/**
 * Issue #19.1: README's `generate` then `import` on a store holding the demo data gave 94 demo
 * cases a second verification (the default prefix was the demo's own). Generated cases have their
 * own prefix now, and a line for a case that exists with another history is refused.
 */
const demoStreams = async (cli: ReturnType<typeof cliContext>) =>
  (await collect(cli.ctx.store.readAll()))
    .filter((e) => e.streamId.startsWith('case-demo-'))
    .map((e) => `${e.streamId}@${e.revision} ${e.id}`);

const loadDemo = async (cli: ReturnType<typeof cliContext>) => {
  const summary = await importLines(cli.ctx.store, [...demoLines('2026-11-22', { cases: 40 })]);
  expect(summary.rejected).toEqual([]);
};

const generated = async (cli: ReturnType<typeof cliContext>, ...flags: string[]) => {
  const file = join(cli.dir, 'generated.jsonl');
  expect(await generateCommand(parseArgs(['generate', '--cases', '60', '--out', file, ...flags]), cli.ctx)).toBe(0);
  return file;
};

describe('generate, then import, onto a store holding the demo data', () => {
  it('leaves every demo case untouched with the default prefix', async () => {
    const cli = cliContext();
    try {
      await loadDemo(cli);
      const before = await demoStreams(cli);
      expect(await importCommand(parseArgs(['import', await generated(cli)]), cli.ctx)).toBe(0);
      const summary = JSON.parse(cli.out.text());
      // The unit lines are the demo's own, already registered: already applied, not refused.
      expect(summary).toMatchObject({ rejected: 0, alreadyApplied: 10 });
      expect(summary.applied).toBe(summary.lines - 10);
      expect(await demoStreams(cli)).toEqual(before);
    } finally {
      await cli.close();
    }
  }, 60_000);

  it('refuses the lines of a case received with another history, and appends nothing to it', async () => {
    const cli = cliContext();
    try {
      await loadDemo(cli);
      const before = await demoStreams(cli);
      // Same ids as the demo's cases, other lines (60 cases interleave differently from 40).
      const file = await generated(cli, '--prefix', 'demo');
      expect(await importCommand(parseArgs(['import', file]), cli.ctx)).toBe(0);
      const summary = JSON.parse(cli.out.text());
      const caseOf = readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => (l ? (JSON.parse(l).caseId as string | undefined) : undefined));
      const rejected = new Map<number, { code: string; detail: string }>(
        summary.rejections.map((r: { line: number; code: string; detail: string }) => [r.line, r]),
      );
      // A demo case whose receive line is refused (its line number, so its key, differs from the
      // demo's: a case received with another history) has every line refused, for that reason.
      const foreign = new Set(
        summary.rejections
          .filter((r: { detail: string }) => /it was received with another history/.test(r.detail))
          .map((r: { line: number }) => caseOf[r.line - 1]),
      );
      expect(foreign.size).toBeGreaterThan(30);
      const foreignLines = caseOf.flatMap((c, i) => (c && foreign.has(c) ? [i + 1] : []));
      expect(foreignLines.map((line) => rejected.get(line)?.code)).toEqual(
        foreignLines.map(() => 'import.case-exists'),
      );
      expect(rejected.get(foreignLines[0])!.detail).toMatch(
        /case demo-\d+ exists with a history that is not this file's/,
      );
      const foreignNow = (await demoStreams(cli)).filter((e) => foreign.has(e.split('@')[0].slice('case-'.length)));
      expect(foreignNow).toEqual(before.filter((e) => foreign.has(e.split('@')[0].slice('case-'.length))));
    } finally {
      await cli.close();
    }
  }, 60_000);
});
