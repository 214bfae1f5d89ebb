import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { AppConfig, Clock, UnitRegistry } from '@thads/application';
import { SqliteEventStore } from '@thads/event-store';
import { CliContext } from '../../apps/cli/src/context';

/** A CLI context on a temporary data directory, with stdout and stderr captured. */
export const cliContext = (now = new Date('2026-11-22T03:00:00Z')) => {
  const dir = mkdtempSync(join(tmpdir(), 'thads-cli-'));
  const config = AppConfig.fromEnv({ THADS_DATA_DIR: dir });
  const store = new SqliteEventStore(config.eventStore);
  const out = capture();
  const err = capture();
  const clock: Clock = { now: () => now };
  const ctx: CliContext = { config, store, units: new UnitRegistry(store), clock, out: out.stream, err: err.stream };
  return {
    ctx,
    dir,
    out,
    err,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const capture = () => {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  return { stream, text: () => text };
};
