import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoLines } from '@thads/application';
import { openEventStore, SqliteEventStore } from '@thads/event-store';
import { importLines, logOf, readModelsOf } from '../support/import-once';

/**
 * Issue #19.1: after an import killed part-way, the whole file imported again appended a
 * collection a second time. Here `thads import` is killed with SIGKILL at three points, each run
 * going on from the log as the one before left it; the whole file imported again then leaves the
 * log and every read model as one clean import does. (scripts/kill-run.sh does more points.)
 */
const LINES = [...demoLines('2026-11-22', { cases: 150 })];
const main = join(__dirname, '../../apps/cli/src/main.ts');
const register = join(__dirname, '../../scripts/ts-register.js');

const headOf = async (file: string): Promise<bigint> => {
  const store = new SqliteEventStore(file);
  try {
    return (await store.headPosition()) ?? 0n;
  } finally {
    await store.close();
  }
};

describe('an import killed (SIGKILL) at several points, then the whole file imported again', () => {
  it('equals one clean import: the log and every read model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thads-killed-'));
    const file = join(dir, 'lines.jsonl');
    writeFileSync(file, LINES.join('\n'));
    const events = join(dir, 'thads.db');
    const clean = await openEventStore(join(dir, 'clean.db'));
    try {
      await importLines(clean, LINES);
      const total = (await clean.headPosition())!;
      const stoppedAt: bigint[] = [];
      for (const fraction of [0.2, 0.5, 0.8]) {
        // Ten lines a transaction, so the kill falls between commits many times over.
        const child = spawn(process.execPath, ['-r', register, main, 'import', file, '--batch', '10'], {
          env: { ...process.env, THADS_DATA_DIR: dir },
          stdio: 'ignore',
        });
        const exited = new Promise((resolve) => child.on('exit', resolve));
        const target = BigInt(Math.floor(Number(total) * fraction));
        for (let i = 0; i < 1200 && child.exitCode === null && (await headOf(events)) < target; i++)
          await new Promise((r) => setTimeout(r, 25));
        child.kill('SIGKILL');
        await exited;
        stoppedAt.push(await headOf(events));
      }
      // Killed part-way each time, not after the end.
      expect(stoppedAt[0]).toBeGreaterThan(0n);
      expect(stoppedAt[2]).toBeLessThan(total);
      const store = await openEventStore(events);
      try {
        const summary = await importLines(store, LINES);
        expect(summary.rejected).toEqual([]);
        expect(summary.alreadyApplied).toBeGreaterThan(0);
        expect(summary.applied + summary.alreadyApplied).toBe(LINES.length);
        expect(await logOf(store)).toEqual(await logOf(clean));
        expect(await readModelsOf(store, dir, 'killed')).toEqual(await readModelsOf(clean, dir, 'clean'));
      } finally {
        await store.close();
      }
    } finally {
      await clean.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
