// A projector in its own process, slowed down per batch so that a test can kill it mid-way.
import { openDatabase, SqliteEventStore } from '@thads/event-store';
import { PROJECTIONS, Projector } from '@thads/projections';

const [storeFile, readFile, delayMs] = process.argv.slice(2);
const main = async () => {
  const store = new SqliteEventStore(storeFile);
  const db = openDatabase(readFile);
  const slow = PROJECTIONS.map((p) => ({ ...p, endBatch: (d: typeof db) => { p.endBatch?.(d); const until = Date.now() + Number(delayMs); while (Date.now() < until) { /* a long batch */ } } }));
  await new Projector(store, db, slow, { batchSize: 200 }).catchUp();
  process.stdout.write('caught-up\n');
  process.exit(0);
};
void main();
