import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ReorganiseRequest, UnitReorganiser } from '@thads/application';
import { FINAL_STATES, UnitLevel } from '@thads/domain';
import { ReadStore } from '@thads/projections';
import { Args, flag, UsageError } from '../args';
import { CLI_ACTOR, CliContext } from '../context';
import { progressBar } from '../progress';
import { currentReadModels } from '../read-models';

const USAGE =
  'usage: thads reorganise FILE.json|FILE.csv [--dry-run] [--on YYYY-MM-DD --level province --parent vn] (docs/reorganisation.md)';

/**
 * A JSON file holds one reorganisation as POST /api/units/reorganisations takes it, or a list. A
 * CSV file (docs/data/provinces-2025.csv) holds lines `predecessor,predecessor_name,successor,successor_name`:
 * each successor with its predecessors is one merge (or a rename when there is one, under another
 * id); a unit succeeding only itself is left alone. `#` lines are comments.
 */
export const readReorganisations = (file: string, text: string, args: Args): ReorganiseRequest[] => {
  if (file.endsWith('.json')) {
    const parsed = JSON.parse(text) as ReorganiseRequest | ReorganiseRequest[];
    return Array.isArray(parsed) ? parsed : [parsed];
  }
  const on = flag(args, 'on');
  if (!on) throw new UsageError(`a CSV file needs --on (the effective date)\n${USAGE}`);
  const level = (flag(args, 'level') ?? 'province') as UnitLevel;
  const parentId = flag(args, 'parent') ?? 'vn';
  const groups = new Map<string, { name: string; predecessors: string[] }>();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [predecessor, , successor, successorName] = line.split(',').map((c) => c.trim());
    if (!predecessor || !successor || !successorName) throw new UsageError(`bad CSV line: ${line}`);
    const group = groups.get(successor) ?? { name: successorName, predecessors: [] };
    group.predecessors.push(predecessor);
    groups.set(successor, group);
  }
  return [...groups]
    .filter(([successor, g]) => !(g.predecessors.length === 1 && g.predecessors[0] === successor))
    .map(([successor, g]) => ({
      reorganisationId: `sx-${on}-${successor}`,
      on,
      kind: g.predecessors.length > 1 ? 'merge' : 'rename',
      predecessors: g.predecessors,
      successors: [{ unitId: successor, name: g.name, level, parentId }],
    }));
};

const readsOf = (store: ReadStore) => ({
  subunitsOf: async (unitId: string) =>
    (await store.all<{ unit_id: string }>('SELECT unit_id FROM units WHERE parent_id = ?', [unitId])).map(
      (r) => r.unit_id,
    ),
  openCasesOf: async (unitIds: string[]) =>
    unitIds.length === 0
      ? []
      : (
          await store.all<{ case_id: string; unit_id: string }>(
            `SELECT case_id, unit_id FROM cases WHERE unit_id IN (${unitIds.map(() => '?').join(', ')})
             AND state NOT IN (${FINAL_STATES.map(() => '?').join(', ')}) ORDER BY case_id`,
            [...unitIds, ...FINAL_STATES],
          )
        ).map((r) => ({ caseId: r.case_id, unitId: r.unit_id })),
});

/** `thads reorganise FILE [--dry-run]`: what it will move, then (without --dry-run) the reorganisation. */
export const reorganiseCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const file = args.positional[0];
  if (!file) throw new UsageError(USAGE);
  const requests = readReorganisations(file, readFileSync(file, 'utf8'), args);
  const dryRun = args.flags['dry-run'] !== undefined;
  const started = process.hrtime.bigint();
  let moved = 0;
  for (const request of requests) {
    // The read models current before each one: its open cases and subunits come from them.
    const read = await currentReadModels(ctx);
    try {
      const reorganiser = new UnitReorganiser(ctx.store, ctx.units, readsOf(read));
      const context = {
        actor: CLI_ACTOR,
        recordedAt: ctx.clock.now(),
        commandId: randomUUID(),
        correlationId: randomUUID(),
      };
      // A long run of transfers (more than one transaction of them) shows how far it got.
      const bar = progressBar(`reorganise ${request.reorganisationId ?? ''}`, 'cases');
      let shown = false;
      const result = await reorganiser
        .reorganise(request, context, dryRun, (done, total) => {
          if (!shown && done < total) {
            bar.start(total, done);
            shown = true;
          } else if (shown) bar.update(done);
        })
        .finally(() => shown && bar.stop());
      moved += result.movedCases;
      ctx.out.write(
        `${JSON.stringify({ ...result, transfers: undefined, firstTransfers: result.transfers.slice(0, 5) })}\n`,
      );
    } finally {
      await read.close();
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  ctx.err.write(
    `${dryRun ? 'would move' : 'moved'} ${moved} open cases in ${requests.length} reorganisations (${seconds.toFixed(1)} s)\n`,
  );
  return 0;
};
