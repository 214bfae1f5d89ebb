import { eventStoreContract } from '../testing/event-store-contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * The event store contract against a real EventStoreDB / KurrentDB server. jest.config.js runs
 * this file (project `esdb-real`) only when THADS_ESDB_TEST_URL names the server, e.g.
 * `THADS_ESDB_TEST_URL='esdb://127.0.0.1:2113?tls=false' npx jest --selectProjects esdb-real`;
 * without it the project does not exist and jest prints that it did not run, rather than a
 * passing test that asserted nothing. The double runs the same contract in the int project.
 */
const url = process.env.THADS_ESDB_TEST_URL;
if (!url)
  throw new Error('THADS_ESDB_TEST_URL is not set: this suite needs a real EventStoreDB server (see jest.config.js)');

eventStoreContract('EventStoreDB (real server)', async () => new EventStoreDbEventStore(url));
