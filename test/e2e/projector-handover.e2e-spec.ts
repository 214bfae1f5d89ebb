import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { UnitRegistry } from '@thads/application';
import { openEventStore } from '@thads/event-store';
import { checkpoints, openReadStore } from '@thads/projections';
import { eventually } from '../support/eventually';
import { describePostgres, scratchSchema } from '../support/postgres';

const register = join(__dirname, '../../scripts/ts-register.js');
const main = join(__dirname, '../../apps/api/src/main.ts');
const LEASE_MS = 3_000;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const until = <T>(what: string, probe: () => Promise<T | undefined>) => eventually(what, probe, { everyMs: 100 });

interface Health {
  projector: { projectingHere: boolean; position: number };
}
const health = async (port: number): Promise<Health | undefined> => {
  const res = await fetch(`http://127.0.0.1:${port}/api/health/details`, { headers: { 'x-actor-role': 'system' } });
  return res.ok ? ((await res.json()) as Health) : undefined;
};

/**
 * Production runs one projector per read store under a lease (THADS_ROLE=projector): two started
 * against one PostgreSQL read store, only one projects; when it dies (SIGKILL, no goodbye) the
 * other takes the lease once it expires and carries on from the checkpoint.
 */
describePostgres('two projectors on one PostgreSQL read store', () => {
  const events = scratchSchema('t_handover_events');
  const read = scratchSchema('t_handover_read');
  const dataDir = mkdtempSync(join(tmpdir(), 'thads-handover-'));
  const children: ChildProcess[] = [];

  const startProjector = async (): Promise<{ port: number; proc: ChildProcess }> => {
    const port = await freePort();
    const proc = spawn(process.execPath, ['-r', register, main], {
      stdio: 'ignore',
      env: {
        ...process.env,
        THADS_ROLE: 'projector',
        THADS_EVENT_STORE: events.url,
        THADS_READ_STORE: read.url,
        THADS_DATA_DIR: dataDir,
        THADS_PROJECTOR_LEASE_MS: String(LEASE_MS),
        THADS_DEMO: '0',
        THADS_DEV_ACTOR: '1',
        PORT: String(port),
      },
    });
    children.push(proc);
    await until('a projector to answer', () => health(port));
    return { port, proc };
  };

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await events.drop();
    await read.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets one project, and hands over within 10 seconds when it is killed', async () => {
    const store = await openEventStore(events.url);
    const units = new UnitRegistry(store);
    const context = () => ({
      actor: { id: 't', role: 'system' as const, unitId: 'vn' },
      recordedAt: new Date(),
      commandId: randomUUID(),
      correlationId: randomUUID(),
    });
    await units.register({ unitId: 'vn', name: 'Cục', level: 'central' }, context());
    const readStore = openReadStore(read.url);
    const projected = async () => (await checkpoints.load(readStore)).get('units')?.position ?? 0n;
    try {
      const first = await startProjector();
      await until('the first to take the lease', async () =>
        (await health(first.port))?.projector.projectingHere ? true : undefined,
      );
      const second = await startProjector();
      await new Promise((r) => setTimeout(r, LEASE_MS));
      expect((await health(first.port))?.projector.projectingHere).toBe(true);
      expect((await health(second.port))?.projector.projectingHere).toBe(false);

      await units.register({ unitId: 'kg', name: 'Kiên Giang', level: 'province', parentId: 'vn' }, context());
      const head1 = (await store.headPosition())!;
      await until('the first to project the new unit', async () => ((await projected()) >= head1 ? true : undefined));

      first.proc.kill('SIGKILL');
      const killedAt = Date.now();
      await until('the second to take over', async () =>
        (await health(second.port))?.projector.projectingHere ? true : undefined,
      );
      const handover = Date.now() - killedAt;
      expect(handover).toBeLessThan(10_000);

      await units.register({ unitId: 'kh', name: 'Khánh Hòa', level: 'province', parentId: 'vn' }, context());
      const head2 = (await store.headPosition())!;
      await until('the second to project what came after', async () =>
        (await projected()) >= head2 ? true : undefined,
      );
      const rows = await readStore.all<{ unit_id: string }>('SELECT unit_id FROM units ORDER BY unit_id');
      expect(rows.map((r) => r.unit_id)).toEqual(['kg', 'kh', 'vn']);
    } finally {
      await readStore.close();
      await store.close();
    }
  });
});
