import { join } from 'node:path';
import { Clock, ImportRunner, ImportSummary, UnitRegistry } from '@thads/application';
import { collect, EventStore } from '@thads/event-store';
import { createProjections, openReadStore, Projector } from '@thads/projections';
import { dumpReadModels } from './read-model-dump';

export const IMPORT_CLOCK: Clock = { now: () => new Date('2026-11-22T03:00:00Z') };
const ACTOR = { id: 'importer', role: 'system', unitId: 'vn' } as const;

/** One `thads import` of these lines, as a fresh process would run it (its own run id, its own folds). */
export const importLines = (store: EventStore, lines: string[]): Promise<ImportSummary> =>
  new ImportRunner(store, new UnitRegistry(store), IMPORT_CLOCK, ACTOR, { batchSize: 50 }).run(
    (async function* () {
      yield* lines;
    })(),
  );

/**
 * The log as it bears on a comparison of two imports: every event in order, its stream, revision,
 * id, type and data. (Command ids and run ids are random per run, and the hashes cover them.)
 */
export const logOf = async (store: EventStore) =>
  (await collect(store.readAll())).map(
    (e) => `${e.streamId}@${e.revision} ${e.id} ${e.type} ${JSON.stringify(e.data)}`,
  );

/** Every read model, replayed from the log into a fresh SQLite read store in `dir`. */
export const readModelsOf = async (store: EventStore, dir: string, name: string) => {
  const at = join(dir, `${name}-read.db`);
  const read = openReadStore(at);
  await new Projector(store, read, createProjections()).catchUp();
  await read.close();
  return dumpReadModels(at);
};
