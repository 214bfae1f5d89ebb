import { join } from 'node:path';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { SqliteEventStore } from '@thads/event-store';
import {
  caseStreamSplits,
  createProjections,
  openReadStore,
  parallelCaseStreams,
  Projector,
  ReplayJob,
} from '@thads/projections';
import { demoCaseCount, demoLog } from '../support/demo-log';
import { dumpReadModels } from '../support/read-model-dump';
import { describePostgres, scratchSchema } from '../support/postgres';

const register = join(__dirname, '../../scripts/ts-register.js');
const workerTs = join(__dirname, '../../libs/projections/src/rebuild/replay-worker.ts');
const spawn = (job: ReplayJob) =>
  new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(workerTs)});`, {
    eval: true,
    workerData: job,
  });

describe('a rebuild whose case streams are folded by worker threads', () => {
  it('splits the case streams into ordered ranges, written to shards that are copied in and deleted, and leaves the read models of a replay in position order', async () => {
    const { dataDir, head } = await demoLog('thads-parallel-', { cases: 200, seed: 9 });
    const store = new SqliteEventStore(join(dataDir, 'thads.db'));
    try {
      const splits = caseStreamSplits(store, head, 3);
      expect(splits).toHaveLength(2);
      expect(splits[0] < splits[1]).toBe(true);
      const at = { positions: join(dataDir, 'positions.db'), threads: join(dataDir, 'threads.db') };
      const read = openReadStore(at.positions);
      await new Projector(store, read, createProjections(), { byStreams: false }).catchUp();
      await read.close();
      // What a rebuild killed part-way left, under a name that will not come again.
      writeFileSync(`${at.threads}.replay-r999`, 'stale');
      const jobs: ReplayJob[] = [];
      const caseStreams = parallelCaseStreams(store, at.threads, 3, (job) => {
        jobs.push(job);
        return spawn(job);
      });
      expect(caseStreams).toBeDefined();
      const threads = openReadStore(at.threads);
      await new Projector(store, threads, createProjections(), { caseStreams, replayBatchEvents: 50 }).catchUp();
      await threads.close();
      // Each worker wrote its rows to shard files, copied in and deleted.
      expect(jobs.map((j) => j.shard)).toEqual([0, 1, 2].map((i) => `${at.threads}.replay-w${i}`));
      expect(readdirSync(dataDir).filter((f) => f.includes('.replay-'))).toEqual([]);
      const dumped = await dumpReadModels(at.threads, { withCaseFolds: true });
      expect(dumped.cases).toHaveLength(demoCaseCount({ cases: 200, seed: 9 }));
      expect(dumped).toEqual({ ...(await dumpReadModels(at.positions)), case_snapshots: [] });
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('fails the rebuild when a worker stops part-way, leaves no shard behind, and a rebuild then gives the same read models', async () => {
    const { dataDir } = await demoLog('thads-parallel-stop-', { cases: 120, seed: 4 });
    const store = new SqliteEventStore(join(dataDir, 'thads.db'));
    try {
      const at = { positions: join(dataDir, 'positions.db'), threads: join(dataDir, 'threads.db') };
      const read = openReadStore(at.positions);
      await new Projector(store, read, createProjections(), { byStreams: false }).catchUp();
      await read.close();
      // The second worker is stopped as soon as it reports a batch.
      let spawned = 0;
      const stopping = parallelCaseStreams(store, at.threads, 2, (job) => {
        const worker = spawn(job);
        if (spawned++ === 1) worker.once('message', () => void worker.terminate());
        return worker;
      });
      const threads = openReadStore(at.threads);
      await expect(
        new Projector(store, threads, createProjections(), { caseStreams: stopping, replayBatchEvents: 20 }).catchUp(),
      ).rejects.toThrow(/replay worker stopped before the end/);
      expect(readdirSync(dataDir).filter((f) => f.includes('.replay-'))).toEqual([]);
      await new Projector(store, threads, createProjections(), {
        caseStreams: parallelCaseStreams(store, at.threads, 2, spawn),
      }).catchUp();
      await threads.close();
      expect(await dumpReadModels(at.threads)).toEqual(await dumpReadModels(at.positions));
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describePostgres('a rebuild into PostgreSQL whose case streams are folded by worker threads', () => {
  it('sends each batch to the main thread, which writes it: the read models of a replay in position order', async () => {
    const { dataDir } = await demoLog('thads-parallel-pg-', { cases: 150, seed: 8 });
    const store = new SqliteEventStore(join(dataDir, 'thads.db'));
    const positions = scratchSchema('t_parallel_positions');
    const threads = scratchSchema('t_parallel_threads');
    try {
      const read = openReadStore(positions.url);
      await new Projector(store, read, createProjections(), { byStreams: false }).catchUp();
      await read.close();
      const jobs: ReplayJob[] = [];
      const caseStreams = parallelCaseStreams(store, threads.url, 2, (job) => {
        jobs.push(job);
        return spawn(job);
      });
      const written = openReadStore(threads.url);
      await new Projector(store, written, createProjections(), { caseStreams, replayBatchEvents: 40 }).catchUp();
      await written.close();
      expect(jobs.map((j) => j.shard)).toEqual([undefined, undefined]);
      const dumped = await dumpReadModels(threads.url, { withCaseFolds: true });
      expect(dumped.cases).toHaveLength(demoCaseCount({ cases: 150, seed: 8 }));
      expect(dumped).toEqual({ ...(await dumpReadModels(positions.url)), case_snapshots: [] });
    } finally {
      await store.close();
      for (const s of [positions, threads]) await s.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
