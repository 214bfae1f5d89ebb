import { parentPort, workerData } from 'node:worker_threads';
import { openEventStore, SqliteEventStore } from '@thads/event-store';
import { checkpoints, createProjections, openReadStore, Projector } from '@thads/projections';
import type { FromProjector, ProjectorJob, ToProjector } from './projector-thread';

/**
 * The worker side of ProjectorThread: the live projector on its own connections to both stores,
 * so that its folds, JSON and read-model writes never hold the API's event loop. A read store far
 * behind the log (empty, or after a big import) is first filled the way `thads rebuild` fills it,
 * stream by stream (Projector.catchUp), then the projector goes on live.
 */
const job = workerData as ProjectorJob;
const port = parentPort!;
const post = (message: FromProjector) => port.postMessage(message);

const run = async () => {
  const store = await openEventStore(job.eventStore);
  const read = openReadStore(job.readStore);
  const projector = new Projector(store, read, createProjections(), {
    log: (message) => post({ log: message }),
    onApplied: (position) => post({ applied: position.toString() }),
  });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await projector.stop().catch(() => undefined);
      await store.close();
      await read.close();
      post({ stopped: true });
      port.close();
    })());
  port.on('message', (message: ToProjector) => {
    if (message === 'appended') (store as Partial<SqliteEventStore>).wake?.();
    else if (message === 'stop') void stop();
  });
  const head = (await store.headPosition()) ?? 0n;
  const slowest = await checkpoints.slowest(read).catch(() => 0n);
  if (head - slowest >= BigInt(job.replayBehind)) {
    post({ log: `projector: ${head - slowest} events behind the log; catching up the way a rebuild does` });
    post({ catchingUp: slowest.toString() });
    await projector.catchUp();
    post({ applied: projector.position.toString() });
  }
  if (stopping) return;
  await projector.start();
  post({ started: projector.position.toString() });
};

run().catch((error: Error) => post({ failed: `${error.message} ${error.stack ?? ''}` }));
