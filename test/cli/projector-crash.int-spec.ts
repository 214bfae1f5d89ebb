import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { demoLines, ImportRunner, SystemClock, UnitRegistry } from '@thads/application';
import { openDatabase, SqliteEventStore } from '@thads/event-store';
import { PROJECTIONS, Projector } from '@thads/projections';
import { cliContext } from './cli-harness';

const child = join(__dirname, '../support/projector-child.ts');
const register = join(__dirname, '../support/ts-register.js');
const TABLES = ['cases', 'case_steps', 'statistics_moves', 'statistics_daily', 'units'];
const dump = (file: string) => {
  const db = openDatabase(file);
  const rows = Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all()]));
  db.close();
  return rows;
};

describe('a projector killed (SIGKILL) in the middle of a batch', () => {
  it('resumes from its checkpoint: the read models equal those of a full rebuild', async () => {
    const cli = cliContext();
    const store = cli.ctx.store as SqliteEventStore;
    await new ImportRunner(store, new UnitRegistry(store), new SystemClock(), { id: 't', role: 'system', unitId: 'vn' })
      .run((async function* () { yield* demoLines('2026-11-22', { cases: 150 }); })());
    const crashed = join(cli.dir, 'crashed.db');

    const proc = spawn(process.execPath, ['-r', register, child, cli.ctx.config.eventStore, crashed, '150'], { stdio: 'ignore' });
    // Kill it once some batches have committed, while later ones are under way.
    for (let i = 0; i < 400; i++) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        const db = openDatabase(crashed);
        const done = db.prepare("SELECT count(*) FROM projection_checkpoints WHERE name = 'case-list' AND position > 0").pluck().get() as number;
        db.close();
        if (done > 0) break;
      } catch { /* not created yet */ }
    }
    proc.kill('SIGKILL');
    await new Promise((r) => proc.on('exit', r));
    const partial = openDatabase(crashed);
    const head = Number(await store.headPosition());
    const stoppedAt = partial.prepare("SELECT position FROM projection_checkpoints WHERE name = 'case-list'").pluck().get() as number;
    partial.close();
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(head);

    execFileSync(process.execPath, ['-r', register, child, cli.ctx.config.eventStore, crashed, '0']);
    const rebuilt = join(cli.dir, 'rebuilt.db');
    const db = openDatabase(rebuilt);
    await new Projector(store, db, PROJECTIONS).catchUp();
    db.close();
    expect(dump(crashed)).toEqual(dump(rebuilt));
    await cli.close();
  }, 60_000);
});
