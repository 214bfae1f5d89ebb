import { AppConfig, Clock, SystemClock, UnitRegistry } from '@thads/application';
import { EventStore, openEventStore } from '@thads/event-store';

/** What a command needs, opened from the same environment variables as the API. */
export interface CliContext {
  config: AppConfig;
  store: EventStore;
  units: UnitRegistry;
  clock: Clock;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

export const openCliContext = async (env: NodeJS.ProcessEnv = process.env): Promise<CliContext> => {
  const config = AppConfig.fromEnv(env);
  const store = await openEventStore(config.eventStore);
  return {
    config,
    store,
    units: new UnitRegistry(store),
    clock: new SystemClock(),
    out: process.stdout,
    err: process.stderr,
  };
};

export const CLI_ACTOR = {
  id: process.env.USER ? `cli:${process.env.USER}` : 'cli',
  role: 'system',
  unitId: 'vn',
} as const;
