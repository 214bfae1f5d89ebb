// A projector in its own process, slowed down per batch so that a test can kill it mid-way:
// following the log in position order, or (`streams`) replaying it stream by stream from zero.
import { openEventStore } from '@thads/event-store';
import { createProjections, openReadStore, Projector, RowWrites } from '@thads/projections';

const [eventStore, readStore, delayMs, mode = 'positions'] = process.argv.slice(2);
const main = async () => {
  const store = await openEventStore(eventStore);
  const read = openReadStore(readStore);
  const slow = createProjections().map((p) => ({
    ...p,
    endBatch: (out: RowWrites) => {
      p.endBatch?.(out);
      const until = Date.now() + Number(delayMs);
      while (Date.now() < until) {
        /* a long batch */
      }
    },
  }));
  await new Projector(
    store,
    read,
    slow,
    mode === 'streams' ? { replayBatchEvents: 200 } : { batchSize: 200, byStreams: false },
  ).catchUp();
  process.stdout.write('caught-up\n');
  process.exit(0);
};
void main();
