import { parentPort, workerData } from 'node:worker_threads';
import { StreamWrite, WrongExpectedRevision } from '../event-store';
import { SqliteEventStore } from './sqlite-event-store';

/** The worker side of SqliteAppendThread: appends what it is sent on its own connection. */
const store = new SqliteEventStore((workerData as { file: string }).file);

parentPort!.on('message', async (message: { id: number; writes: StreamWrite[] } | { close: true }) => {
  if ('close' in message) {
    await store.close();
    parentPort!.close();
    return;
  }
  try {
    parentPort!.postMessage({ id: message.id, results: await store.appendMany(message.writes) });
  } catch (error) {
    const conflict =
      error instanceof WrongExpectedRevision
        ? { streamId: error.streamId, expected: error.expected, actual: error.actual }
        : undefined;
    parentPort!.postMessage({
      id: message.id,
      error: { message: error instanceof Error ? error.message : String(error), conflict },
    });
  }
});
