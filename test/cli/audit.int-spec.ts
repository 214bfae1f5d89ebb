import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoLines } from '@thads/application';
import { SqliteEventStore } from '@thads/event-store';
import { parseArgs } from '../../apps/cli/src/args';
import { caseCommand } from '../../apps/cli/src/commands/case';
import { importCommand } from '../../apps/cli/src/commands/import';
import { verifyCommand } from '../../apps/cli/src/commands/verify';
import { cliContext } from './cli-harness';

describe('thads verify and thads case', () => {
  let cli: ReturnType<typeof cliContext>;
  const run = async (command: typeof verifyCommand, ...argv: string[]) => {
    const before = [cli.out.text().length, cli.err.text().length];
    const code = await command(parseArgs(argv), cli.ctx);
    return { code, out: cli.out.text().slice(before[0]), err: cli.err.text().slice(before[1]) };
  };
  const db = () => (cli.ctx.store as SqliteEventStore).db;

  beforeAll(async () => {
    cli = cliContext();
    const file = join(cli.dir, 'demo.jsonl');
    writeFileSync(file, [...demoLines('2026-11-22', { cases: 40 })].join('\n'));
    await importCommand(parseArgs(['import', file]), cli.ctx);
  });
  afterAll(() => cli.close());

  it('verifies an untouched log: --all and --stream exit 0', async () => {
    const head = Number(await cli.ctx.store.headPosition());
    const all = await run(verifyCommand, 'verify', '--all');
    expect(all.code).toBe(0);
    expect(JSON.parse(all.out)).toMatchObject({ valid: true, checked: head, brokenStreams: 0 });
    const one = await run(verifyCommand, 'verify', '--stream', 'case-demo-0001');
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out)).toMatchObject({ streamId: 'case-demo-0001', valid: true });
  });

  it('prints a case timeline for the auditor, in Vietnamese, with its integrity', async () => {
    const res = await run(caseCommand, 'case', 'demo-0001');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^Việc thi hành án demo-0001\n/);
    expect(res.out).toContain('Tiếp nhận bản án, yêu cầu thi hành án');
    expect(res.out).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(res.out).toMatch(/ đ/);
    expect(res.out).toMatch(/Chuỗi băm: toàn vẹn \(\d+ sự kiện\)/);
    const early = await run(caseCommand, 'case', 'demo-0001', '--as-of', '2000-01-01');
    expect(early.out).toContain('Trạng thái: Chưa tiếp nhận');
    await expect(run(caseCommand, 'case', 'nobody')).rejects.toThrow(/case nobody not found/);
    await expect(run(caseCommand, 'case', 'demo-0001', '--as-of', '2025-02-30')).rejects.toThrow(
      /asOf 2025-02-30 không phải ngày có thật/,
    );
  });

  it('exits 1 and names the stream and revision when an event was edited in the database', async () => {
    db()
      .prepare(
        `UPDATE events SET data = json_set(data, '$.note', 'sửa') WHERE stream_id = 'case-demo-0002' AND revision = 1`,
      )
      .run();
    const all = await run(verifyCommand, 'verify', '--all');
    expect(all.code).toBe(1);
    expect(JSON.parse(all.out)).toMatchObject({
      valid: false,
      brokenStreams: 1,
      firstBroken: { streamId: 'case-demo-0002', revision: 1, reason: 'hash-mismatch' },
    });
    expect(all.err).toContain('✗ case-demo-0002 revision 1: hash-mismatch');
    expect((await run(verifyCommand, 'verify', '--stream', 'case-demo-0002')).code).toBe(1);
    expect((await run(caseCommand, 'case', 'demo-0002')).out).toContain(
      'Chuỗi băm: BỊ THAY ĐỔI tại revision 1 (hash-mismatch)',
    );
  });

  it('asks for exactly one of --stream or --all, and says when a stream is empty', async () => {
    await expect(run(verifyCommand, 'verify')).rejects.toThrow(/exactly one of --stream S or --all/);
    await expect(run(verifyCommand, 'verify', '--all', '--stream', 'x')).rejects.toThrow(/exactly one/);
    expect((await run(verifyCommand, 'verify', '--stream', 'case-none')).code).toBe(2);
  });
});
