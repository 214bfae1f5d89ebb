import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoLines, domainEventOf, loadCalendar } from '@thads/application';
import { caseDecider, caseEndOf, evaluateDeadlines, RecordedStep, stepOfEventType } from '@thads/domain';
import { CaseStepQueries, UnitQueries } from '@thads/projections';
import { parseArgs } from '../../apps/cli/src/args';
import { deadlinesCommand } from '../../apps/cli/src/commands/deadlines';
import { importCommand } from '../../apps/cli/src/commands/import';
import { currentReadModels } from '../../apps/cli/src/read-models';
import { cliContext } from './cli-harness';

describe('thads deadlines', () => {
  it('lists a unit’s deadlines as of a date, as a table or CSV', async () => {
    const cli = cliContext();
    const file = join(cli.dir, 'in.jsonl');
    writeFileSync(
      file,
      [
        { unit: { unitId: 'vn', name: 'Cục', level: 'central' } },
        { unit: { unitId: 'kg', name: 'Kiên Giang', level: 'province', parentId: 'vn' } },
        {
          step: 'receive',
          caseId: 'd-1',
          unitId: 'kg',
          origin: 'onRequest',
          on: '2025-01-24',
          judgment: { court: 'TAND', number: '1/2024', date: '2024-12-01' },
          creditor: { name: 'A' },
          debtor: { name: 'B' },
          amountDue: '1000000',
        },
        { step: 'decide', caseId: 'd-1', on: '2025-02-10' },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    await importCommand(parseArgs(['import', file]), cli.ctx);
    const before = cli.out.text().length;
    expect(
      await deadlinesCommand(
        parseArgs(['deadlines', '--unit', 'vn', '--as-of', '2025-02-28', '--status', 'late', '--format', 'csv']),
        cli.ctx,
      ),
    ).toBe(0);
    const csv = cli.out.text().slice(before);
    expect(csv).toMatch(/d-1,kg,decide-on-request,.*07\/02\/2025,10\/02\/2025,muộn,3/);
    await expect(
      deadlinesCommand(parseArgs(['deadlines', '--unit', 'vn', '--as-of', 'yesterday']), cli.ctx),
    ).rejects.toThrow(/as-of/);
    await cli.close();
  });

  it('gives each case of a generated history the deadlines its full event data gives: the read model keeps all the rules read', async () => {
    const cli = cliContext();
    const file = join(cli.dir, 'history.jsonl');
    writeFileSync(file, [...demoLines('2026-11-22', { cases: 400, seed: 31 })].join('\n'));
    await importCommand(parseArgs(['import', file]), cli.ctx);
    const calendar = loadCalendar(cli.ctx.config.calendarDir);
    const read = await currentReadModels(cli.ctx);
    let cases = 0;
    let deadlines = 0;
    const fields = new Set<string>();
    const units = await new UnitQueries(read).subtree('vn');
    for (const asOf of ['2025-06-30', '2026-11-22']) {
      for await (const c of new CaseStepQueries(read).forUnits(units, asOf)) {
        const events = [];
        for await (const r of cli.ctx.store.readStream(`case-${c.caseId}`)) events.push(domainEventOf(r));
        const state = events.reduce(caseDecider.evolve, caseDecider.initialState());
        if (state.status !== 'known') throw new Error(`case ${c.caseId} not known`);
        const full: RecordedStep[] = state.steps
          .filter((e) => e.on <= asOf)
          .map((e) => ({
            step: stepOfEventType(e.type) ?? e.type,
            on: e.on,
            data: e.data as unknown as Record<string, unknown>,
            eventId: e.id,
          }));
        for (const step of c.steps) for (const f of Object.keys(step.data ?? {})) fields.add(f);
        const expected = evaluateDeadlines(full, asOf, calendar);
        expect(evaluateDeadlines(c.steps, asOf, calendar)).toEqual(expected);
        cases++;
        deadlines += expected.length;
      }
    }
    // The history exercises the rules that read data: classes, grounds, auction results, assets.
    expect([...fields].sort()).toEqual(expect.arrayContaining(['assetKind', 'class', 'origin', 'result']));
    expect(cases).toBeGreaterThan(400);
    expect(deadlines).toBeGreaterThan(cases);
    await read.close();
    await cli.close();
  });

  it('closes the deadlines of the demo’s ended cases: one missed before the case ended is cancelled with its days past due, not overdue for ever', async () => {
    const cli = cliContext();
    const file = join(cli.dir, 'demo.jsonl');
    // The demo data as `npm start` loads it (default seed and size), on the date the tests fix.
    writeFileSync(file, [...demoLines('2026-11-22')].join('\n'));
    await importCommand(parseArgs(['import', file]), cli.ctx);
    const asOf = '2028-05-27'; // the delivery fell due on 04/01/2027
    const listed = async (status: string): Promise<string[]> => {
      const before = cli.out.text().length;
      expect(
        await deadlinesCommand(
          parseArgs(['deadlines', '--unit', 'vn', '--as-of', asOf, '--status', status, '--format', 'csv']),
          cli.ctx,
        ),
      ).toBe(0);
      return cli.out
        .text()
        .slice(before)
        .split('\n')
        .filter((l) => l.startsWith('demo-'));
    };
    // Deadlines already missed when their case ended (before the fix, overdue for ever): closed
    // by the final step, with by how much they had been missed, and in no overdue list.
    const missedThenEnded = (await listed('cancelled')).filter((l) =>
      /việc kết thúc: .* \d\d\/\d\d\/\d{4}, đã quá hạn \d+ ngày khi hủy"$/.test(l),
    );
    expect(missedThenEnded.length).toBeGreaterThan(5);
    const overdue = await listed('overdue');
    for (const line of missedThenEnded) {
      const [caseId, , rule] = line.split(',');
      expect(overdue.filter((l) => l.startsWith(`${caseId},`) && l.split(',')[2] === rule)).toEqual([]);
    }

    // No ended case of the demo keeps a deadline open or overdue, whichever way it ended.
    const read = await currentReadModels(cli.ctx);
    const calendar = loadCalendar(cli.ctx.config.calendarDir);
    const endings = new Map<string, number>();
    for await (const c of new CaseStepQueries(read).forUnits(await new UnitQueries(read).subtree('vn'), asOf)) {
      const end = c.steps.find((step) => caseEndOf(step.step));
      if (!end) continue;
      endings.set(end.step, (endings.get(end.step) ?? 0) + 1);
      const still = evaluateDeadlines(c.steps, asOf, calendar).filter(
        (d) => d.status === 'open' || d.status === 'overdue',
      );
      expect({ caseId: c.caseId, still }).toEqual({ caseId: c.caseId, still: [] });
    }
    expect([...endings.keys()].sort()).toEqual(
      expect.arrayContaining(['complete', 'entrust', 'refuse', 'revoke', 'terminate']),
    );
    await read.close();
    await cli.close();
  });
});
